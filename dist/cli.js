#!/usr/bin/env node
import { createRequire as __kgCreateRequire } from 'node:module';
const require = __kgCreateRequire(import.meta.url);
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __require = /* @__PURE__ */ ((x) => typeof require !== "undefined" ? require : typeof Proxy !== "undefined" ? new Proxy(x, {
  get: (a, b) => (typeof require !== "undefined" ? require : a)[b]
}) : x)(function(x) {
  if (typeof require !== "undefined") return require.apply(this, arguments);
  throw Error('Dynamic require of "' + x + '" is not supported');
});
var __commonJS = (cb, mod) => function __require2() {
  try {
    return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e) {
    throw mod = 0, e;
  }
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));

// node_modules/yaml/dist/nodes/identity.js
var require_identity = __commonJS({
  "node_modules/yaml/dist/nodes/identity.js"(exports) {
    "use strict";
    var ALIAS = /* @__PURE__ */ Symbol.for("yaml.alias");
    var DOC = /* @__PURE__ */ Symbol.for("yaml.document");
    var MAP = /* @__PURE__ */ Symbol.for("yaml.map");
    var PAIR = /* @__PURE__ */ Symbol.for("yaml.pair");
    var SCALAR = /* @__PURE__ */ Symbol.for("yaml.scalar");
    var SEQ = /* @__PURE__ */ Symbol.for("yaml.seq");
    var NODE_TYPE = /* @__PURE__ */ Symbol.for("yaml.node.type");
    var isAlias2 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === ALIAS;
    var isDocument = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === DOC;
    var isMap3 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === MAP;
    var isPair = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === PAIR;
    var isScalar3 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === SCALAR;
    var isSeq2 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === SEQ;
    function isCollection(node) {
      if (node && typeof node === "object")
        switch (node[NODE_TYPE]) {
          case MAP:
          case SEQ:
            return true;
        }
      return false;
    }
    function isNode(node) {
      if (node && typeof node === "object")
        switch (node[NODE_TYPE]) {
          case ALIAS:
          case MAP:
          case SCALAR:
          case SEQ:
            return true;
        }
      return false;
    }
    var hasAnchor = (node) => (isScalar3(node) || isCollection(node)) && !!node.anchor;
    exports.ALIAS = ALIAS;
    exports.DOC = DOC;
    exports.MAP = MAP;
    exports.NODE_TYPE = NODE_TYPE;
    exports.PAIR = PAIR;
    exports.SCALAR = SCALAR;
    exports.SEQ = SEQ;
    exports.hasAnchor = hasAnchor;
    exports.isAlias = isAlias2;
    exports.isCollection = isCollection;
    exports.isDocument = isDocument;
    exports.isMap = isMap3;
    exports.isNode = isNode;
    exports.isPair = isPair;
    exports.isScalar = isScalar3;
    exports.isSeq = isSeq2;
  }
});

// node_modules/yaml/dist/visit.js
var require_visit = __commonJS({
  "node_modules/yaml/dist/visit.js"(exports) {
    "use strict";
    var identity = require_identity();
    var BREAK = /* @__PURE__ */ Symbol("break visit");
    var SKIP = /* @__PURE__ */ Symbol("skip children");
    var REMOVE = /* @__PURE__ */ Symbol("remove node");
    function visit(node, visitor) {
      const visitor_ = initVisitor(visitor);
      if (identity.isDocument(node)) {
        const cd = visit_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
          node.contents = null;
      } else
        visit_(null, node, visitor_, Object.freeze([]));
    }
    visit.BREAK = BREAK;
    visit.SKIP = SKIP;
    visit.REMOVE = REMOVE;
    function visit_(key, node, visitor, path) {
      const ctrl = callVisitor(key, node, visitor, path);
      if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path, ctrl);
        return visit_(key, ctrl, visitor, path);
      }
      if (typeof ctrl !== "symbol") {
        if (identity.isCollection(node)) {
          path = Object.freeze(path.concat(node));
          for (let i = 0; i < node.items.length; ++i) {
            const ci = visit_(i, node.items[i], visitor, path);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              node.items.splice(i, 1);
              i -= 1;
            }
          }
        } else if (identity.isPair(node)) {
          path = Object.freeze(path.concat(node));
          const ck = visit_("key", node.key, visitor, path);
          if (ck === BREAK)
            return BREAK;
          else if (ck === REMOVE)
            node.key = null;
          const cv = visit_("value", node.value, visitor, path);
          if (cv === BREAK)
            return BREAK;
          else if (cv === REMOVE)
            node.value = null;
        }
      }
      return ctrl;
    }
    async function visitAsync(node, visitor) {
      const visitor_ = initVisitor(visitor);
      if (identity.isDocument(node)) {
        const cd = await visitAsync_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
          node.contents = null;
      } else
        await visitAsync_(null, node, visitor_, Object.freeze([]));
    }
    visitAsync.BREAK = BREAK;
    visitAsync.SKIP = SKIP;
    visitAsync.REMOVE = REMOVE;
    async function visitAsync_(key, node, visitor, path) {
      const ctrl = await callVisitor(key, node, visitor, path);
      if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path, ctrl);
        return visitAsync_(key, ctrl, visitor, path);
      }
      if (typeof ctrl !== "symbol") {
        if (identity.isCollection(node)) {
          path = Object.freeze(path.concat(node));
          for (let i = 0; i < node.items.length; ++i) {
            const ci = await visitAsync_(i, node.items[i], visitor, path);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              node.items.splice(i, 1);
              i -= 1;
            }
          }
        } else if (identity.isPair(node)) {
          path = Object.freeze(path.concat(node));
          const ck = await visitAsync_("key", node.key, visitor, path);
          if (ck === BREAK)
            return BREAK;
          else if (ck === REMOVE)
            node.key = null;
          const cv = await visitAsync_("value", node.value, visitor, path);
          if (cv === BREAK)
            return BREAK;
          else if (cv === REMOVE)
            node.value = null;
        }
      }
      return ctrl;
    }
    function initVisitor(visitor) {
      if (typeof visitor === "object" && (visitor.Collection || visitor.Node || visitor.Value)) {
        return Object.assign({
          Alias: visitor.Node,
          Map: visitor.Node,
          Scalar: visitor.Node,
          Seq: visitor.Node
        }, visitor.Value && {
          Map: visitor.Value,
          Scalar: visitor.Value,
          Seq: visitor.Value
        }, visitor.Collection && {
          Map: visitor.Collection,
          Seq: visitor.Collection
        }, visitor);
      }
      return visitor;
    }
    function callVisitor(key, node, visitor, path) {
      if (typeof visitor === "function")
        return visitor(key, node, path);
      if (identity.isMap(node))
        return visitor.Map?.(key, node, path);
      if (identity.isSeq(node))
        return visitor.Seq?.(key, node, path);
      if (identity.isPair(node))
        return visitor.Pair?.(key, node, path);
      if (identity.isScalar(node))
        return visitor.Scalar?.(key, node, path);
      if (identity.isAlias(node))
        return visitor.Alias?.(key, node, path);
      return void 0;
    }
    function replaceNode(key, path, node) {
      const parent = path[path.length - 1];
      if (identity.isCollection(parent)) {
        parent.items[key] = node;
      } else if (identity.isPair(parent)) {
        if (key === "key")
          parent.key = node;
        else
          parent.value = node;
      } else if (identity.isDocument(parent)) {
        parent.contents = node;
      } else {
        const pt = identity.isAlias(parent) ? "alias" : "scalar";
        throw new Error(`Cannot replace node with ${pt} parent`);
      }
    }
    exports.visit = visit;
    exports.visitAsync = visitAsync;
  }
});

// node_modules/yaml/dist/doc/directives.js
var require_directives = __commonJS({
  "node_modules/yaml/dist/doc/directives.js"(exports) {
    "use strict";
    var identity = require_identity();
    var visit = require_visit();
    var escapeChars = {
      "!": "%21",
      ",": "%2C",
      "[": "%5B",
      "]": "%5D",
      "{": "%7B",
      "}": "%7D"
    };
    var escapeTagName = (tn) => tn.replace(/[!,[\]{}]/g, (ch) => escapeChars[ch]);
    var Directives = class _Directives {
      constructor(yaml, tags) {
        this.docStart = null;
        this.docEnd = false;
        this.yaml = Object.assign({}, _Directives.defaultYaml, yaml);
        this.tags = Object.assign({}, _Directives.defaultTags, tags);
      }
      clone() {
        const copy = new _Directives(this.yaml, this.tags);
        copy.docStart = this.docStart;
        return copy;
      }
      /**
       * During parsing, get a Directives instance for the current document and
       * update the stream state according to the current version's spec.
       */
      atDocument() {
        const res = new _Directives(this.yaml, this.tags);
        switch (this.yaml.version) {
          case "1.1":
            this.atNextDocument = true;
            break;
          case "1.2":
            this.atNextDocument = false;
            this.yaml = {
              explicit: _Directives.defaultYaml.explicit,
              version: "1.2"
            };
            this.tags = Object.assign({}, _Directives.defaultTags);
            break;
        }
        return res;
      }
      /**
       * @param onError - May be called even if the action was successful
       * @returns `true` on success
       */
      add(line, onError) {
        if (this.atNextDocument) {
          this.yaml = { explicit: _Directives.defaultYaml.explicit, version: "1.1" };
          this.tags = Object.assign({}, _Directives.defaultTags);
          this.atNextDocument = false;
        }
        const parts = line.trim().split(/[ \t]+/);
        const name = parts.shift();
        switch (name) {
          case "%TAG": {
            if (parts.length !== 2) {
              onError(0, "%TAG directive should contain exactly two parts");
              if (parts.length < 2)
                return false;
            }
            const [handle, prefix] = parts;
            this.tags[handle] = prefix;
            return true;
          }
          case "%YAML": {
            this.yaml.explicit = true;
            if (parts.length !== 1) {
              onError(0, "%YAML directive should contain exactly one part");
              return false;
            }
            const [version] = parts;
            if (version === "1.1" || version === "1.2") {
              this.yaml.version = version;
              return true;
            } else {
              const isValid = /^\d+\.\d+$/.test(version);
              onError(6, `Unsupported YAML version ${version}`, isValid);
              return false;
            }
          }
          default:
            onError(0, `Unknown directive ${name}`, true);
            return false;
        }
      }
      /**
       * Resolves a tag, matching handles to those defined in %TAG directives.
       *
       * @returns Resolved tag, which may also be the non-specific tag `'!'` or a
       *   `'!local'` tag, or `null` if unresolvable.
       */
      tagName(source, onError) {
        if (source === "!")
          return "!";
        if (source[0] !== "!") {
          onError(`Not a valid tag: ${source}`);
          return null;
        }
        if (source[1] === "<") {
          const verbatim = source.slice(2, -1);
          if (verbatim === "!" || verbatim === "!!") {
            onError(`Verbatim tags aren't resolved, so ${source} is invalid.`);
            return null;
          }
          if (source[source.length - 1] !== ">")
            onError("Verbatim tags must end with a >");
          return verbatim;
        }
        const [, handle, suffix] = source.match(/^(.*!)([^!]*)$/s);
        if (!suffix)
          onError(`The ${source} tag has no suffix`);
        const prefix = this.tags[handle];
        if (prefix) {
          try {
            return prefix + decodeURIComponent(suffix);
          } catch (error) {
            onError(String(error));
            return null;
          }
        }
        if (handle === "!")
          return source;
        onError(`Could not resolve tag: ${source}`);
        return null;
      }
      /**
       * Given a fully resolved tag, returns its printable string form,
       * taking into account current tag prefixes and defaults.
       */
      tagString(tag) {
        for (const [handle, prefix] of Object.entries(this.tags)) {
          if (tag.startsWith(prefix))
            return handle + escapeTagName(tag.substring(prefix.length));
        }
        return tag[0] === "!" ? tag : `!<${tag}>`;
      }
      toString(doc) {
        const lines = this.yaml.explicit ? [`%YAML ${this.yaml.version || "1.2"}`] : [];
        const tagEntries = Object.entries(this.tags);
        let tagNames;
        if (doc && tagEntries.length > 0 && identity.isNode(doc.contents)) {
          const tags = {};
          visit.visit(doc.contents, (_key, node) => {
            if (identity.isNode(node) && node.tag)
              tags[node.tag] = true;
          });
          tagNames = Object.keys(tags);
        } else
          tagNames = [];
        for (const [handle, prefix] of tagEntries) {
          if (handle === "!!" && prefix === "tag:yaml.org,2002:")
            continue;
          if (!doc || tagNames.some((tn) => tn.startsWith(prefix)))
            lines.push(`%TAG ${handle} ${prefix}`);
        }
        return lines.join("\n");
      }
    };
    Directives.defaultYaml = { explicit: false, version: "1.2" };
    Directives.defaultTags = { "!!": "tag:yaml.org,2002:" };
    exports.Directives = Directives;
  }
});

// node_modules/yaml/dist/doc/anchors.js
var require_anchors = __commonJS({
  "node_modules/yaml/dist/doc/anchors.js"(exports) {
    "use strict";
    var identity = require_identity();
    var visit = require_visit();
    function anchorIsValid(anchor) {
      if (/[\x00-\x19\s,[\]{}]/.test(anchor)) {
        const sa = JSON.stringify(anchor);
        const msg = `Anchor must not contain whitespace or control characters: ${sa}`;
        throw new Error(msg);
      }
      return true;
    }
    function anchorNames(root) {
      const anchors = /* @__PURE__ */ new Set();
      visit.visit(root, {
        Value(_key, node) {
          if (node.anchor)
            anchors.add(node.anchor);
        }
      });
      return anchors;
    }
    function findNewAnchor(prefix, exclude) {
      for (let i = 1; true; ++i) {
        const name = `${prefix}${i}`;
        if (!exclude.has(name))
          return name;
      }
    }
    function createNodeAnchors(doc, prefix) {
      const aliasObjects = [];
      const sourceObjects = /* @__PURE__ */ new Map();
      let prevAnchors = null;
      return {
        onAnchor: (source) => {
          aliasObjects.push(source);
          prevAnchors ?? (prevAnchors = anchorNames(doc));
          const anchor = findNewAnchor(prefix, prevAnchors);
          prevAnchors.add(anchor);
          return anchor;
        },
        /**
         * With circular references, the source node is only resolved after all
         * of its child nodes are. This is why anchors are set only after all of
         * the nodes have been created.
         */
        setAnchors: () => {
          for (const source of aliasObjects) {
            const ref = sourceObjects.get(source);
            if (typeof ref === "object" && ref.anchor && (identity.isScalar(ref.node) || identity.isCollection(ref.node))) {
              ref.node.anchor = ref.anchor;
            } else {
              const error = new Error("Failed to resolve repeated object (this should not happen)");
              error.source = source;
              throw error;
            }
          }
        },
        sourceObjects
      };
    }
    exports.anchorIsValid = anchorIsValid;
    exports.anchorNames = anchorNames;
    exports.createNodeAnchors = createNodeAnchors;
    exports.findNewAnchor = findNewAnchor;
  }
});

// node_modules/yaml/dist/doc/applyReviver.js
var require_applyReviver = __commonJS({
  "node_modules/yaml/dist/doc/applyReviver.js"(exports) {
    "use strict";
    function applyReviver(reviver, obj, key, val) {
      if (val && typeof val === "object") {
        if (Array.isArray(val)) {
          for (let i = 0, len = val.length; i < len; ++i) {
            const v0 = val[i];
            const v1 = applyReviver(reviver, val, String(i), v0);
            if (v1 === void 0)
              delete val[i];
            else if (v1 !== v0)
              val[i] = v1;
          }
        } else if (val instanceof Map) {
          for (const k of Array.from(val.keys())) {
            const v0 = val.get(k);
            const v1 = applyReviver(reviver, val, k, v0);
            if (v1 === void 0)
              val.delete(k);
            else if (v1 !== v0)
              val.set(k, v1);
          }
        } else if (val instanceof Set) {
          for (const v0 of Array.from(val)) {
            const v1 = applyReviver(reviver, val, v0, v0);
            if (v1 === void 0)
              val.delete(v0);
            else if (v1 !== v0) {
              val.delete(v0);
              val.add(v1);
            }
          }
        } else {
          for (const [k, v0] of Object.entries(val)) {
            const v1 = applyReviver(reviver, val, k, v0);
            if (v1 === void 0)
              delete val[k];
            else if (v1 !== v0)
              val[k] = v1;
          }
        }
      }
      return reviver.call(obj, key, val);
    }
    exports.applyReviver = applyReviver;
  }
});

// node_modules/yaml/dist/nodes/toJS.js
var require_toJS = __commonJS({
  "node_modules/yaml/dist/nodes/toJS.js"(exports) {
    "use strict";
    var identity = require_identity();
    function toJS(value, arg, ctx) {
      if (Array.isArray(value))
        return value.map((v, i) => toJS(v, String(i), ctx));
      if (value && typeof value.toJSON === "function") {
        if (!ctx || !identity.hasAnchor(value))
          return value.toJSON(arg, ctx);
        const data = { aliasCount: 0, count: 1, res: void 0 };
        ctx.anchors.set(value, data);
        ctx.onCreate = (res2) => {
          data.res = res2;
          delete ctx.onCreate;
        };
        const res = value.toJSON(arg, ctx);
        if (ctx.onCreate)
          ctx.onCreate(res);
        return res;
      }
      if (typeof value === "bigint" && !ctx?.keep)
        return Number(value);
      return value;
    }
    exports.toJS = toJS;
  }
});

// node_modules/yaml/dist/nodes/Node.js
var require_Node = __commonJS({
  "node_modules/yaml/dist/nodes/Node.js"(exports) {
    "use strict";
    var applyReviver = require_applyReviver();
    var identity = require_identity();
    var toJS = require_toJS();
    var NodeBase = class {
      constructor(type) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: type });
      }
      /** Create a copy of this node.  */
      clone() {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /** A plain JavaScript representation of this node. */
      toJS(doc, { mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        if (!identity.isDocument(doc))
          throw new TypeError("A document argument is required");
        const ctx = {
          anchors: /* @__PURE__ */ new Map(),
          doc,
          keep: true,
          mapAsMap: mapAsMap === true,
          mapKeyWarned: false,
          maxAliasCount: typeof maxAliasCount === "number" ? maxAliasCount : 100
        };
        const res = toJS.toJS(this, "", ctx);
        if (typeof onAnchor === "function")
          for (const { count, res: res2 } of ctx.anchors.values())
            onAnchor(res2, count);
        return typeof reviver === "function" ? applyReviver.applyReviver(reviver, { "": res }, "", res) : res;
      }
    };
    exports.NodeBase = NodeBase;
  }
});

// node_modules/yaml/dist/nodes/Alias.js
var require_Alias = __commonJS({
  "node_modules/yaml/dist/nodes/Alias.js"(exports) {
    "use strict";
    var anchors = require_anchors();
    var visit = require_visit();
    var identity = require_identity();
    var Node = require_Node();
    var toJS = require_toJS();
    var Alias = class extends Node.NodeBase {
      constructor(source) {
        super(identity.ALIAS);
        this.source = source;
        Object.defineProperty(this, "tag", {
          set() {
            throw new Error("Alias nodes cannot have tags");
          }
        });
      }
      /**
       * Resolve the value of this alias within `doc`, finding the last
       * instance of the `source` anchor before this node.
       */
      resolve(doc, ctx) {
        if (ctx?.maxAliasCount === 0)
          throw new ReferenceError("Alias resolution is disabled");
        let nodes;
        if (ctx?.aliasResolveCache) {
          nodes = ctx.aliasResolveCache;
        } else {
          nodes = [];
          visit.visit(doc, {
            Node: (_key, node) => {
              if (identity.isAlias(node) || identity.hasAnchor(node))
                nodes.push(node);
            }
          });
          if (ctx)
            ctx.aliasResolveCache = nodes;
        }
        let found = void 0;
        for (const node of nodes) {
          if (node === this)
            break;
          if (node.anchor === this.source)
            found = node;
        }
        if (found && ctx) {
          const { anchors: anchors2, doc: doc2, maxAliasCount } = ctx;
          let data = anchors2.get(found);
          if (!data) {
            toJS.toJS(found, null, ctx);
            data = anchors2.get(found);
          }
          if (data?.res === void 0) {
            const msg = "This should not happen: Alias anchor was not resolved?";
            throw new ReferenceError(msg);
          }
          if (maxAliasCount >= 0) {
            data.count += 1;
            if (data.aliasCount === 0)
              data.aliasCount = getAliasCount(doc2, found, anchors2);
            if (data.count * data.aliasCount > maxAliasCount) {
              const msg = "Excessive alias count indicates a resource exhaustion attack";
              throw new ReferenceError(msg);
            }
          }
        }
        return found;
      }
      toJSON(_arg, ctx) {
        if (!ctx)
          return { source: this.source };
        const source = this.resolve(ctx.doc, ctx);
        if (!source) {
          const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
          throw new ReferenceError(msg);
        }
        return ctx.anchors.get(source).res;
      }
      toString(ctx, _onComment, _onChompKeep) {
        const src = `*${this.source}`;
        if (ctx) {
          anchors.anchorIsValid(this.source);
          if (ctx.options.verifyAliasOrder && !ctx.anchors.has(this.source)) {
            const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
            throw new Error(msg);
          }
          if (ctx.implicitKey)
            return `${src} `;
        }
        return src;
      }
    };
    function getAliasCount(doc, node, anchors2) {
      if (identity.isAlias(node)) {
        const source = node.resolve(doc);
        const anchor = anchors2 && source && anchors2.get(source);
        return anchor ? anchor.count * anchor.aliasCount : 0;
      } else if (identity.isCollection(node)) {
        let count = 0;
        for (const item of node.items) {
          const c = getAliasCount(doc, item, anchors2);
          if (c > count)
            count = c;
        }
        return count;
      } else if (identity.isPair(node)) {
        const kc = getAliasCount(doc, node.key, anchors2);
        const vc = getAliasCount(doc, node.value, anchors2);
        return Math.max(kc, vc);
      }
      return 1;
    }
    exports.Alias = Alias;
  }
});

// node_modules/yaml/dist/nodes/Scalar.js
var require_Scalar = __commonJS({
  "node_modules/yaml/dist/nodes/Scalar.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Node = require_Node();
    var toJS = require_toJS();
    var isScalarValue = (value) => !value || typeof value !== "function" && typeof value !== "object";
    var Scalar = class extends Node.NodeBase {
      constructor(value) {
        super(identity.SCALAR);
        this.value = value;
      }
      toJSON(arg, ctx) {
        return ctx?.keep ? this.value : toJS.toJS(this.value, arg, ctx);
      }
      toString() {
        return String(this.value);
      }
    };
    Scalar.BLOCK_FOLDED = "BLOCK_FOLDED";
    Scalar.BLOCK_LITERAL = "BLOCK_LITERAL";
    Scalar.PLAIN = "PLAIN";
    Scalar.QUOTE_DOUBLE = "QUOTE_DOUBLE";
    Scalar.QUOTE_SINGLE = "QUOTE_SINGLE";
    exports.Scalar = Scalar;
    exports.isScalarValue = isScalarValue;
  }
});

// node_modules/yaml/dist/doc/createNode.js
var require_createNode = __commonJS({
  "node_modules/yaml/dist/doc/createNode.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var identity = require_identity();
    var Scalar = require_Scalar();
    var defaultTagPrefix = "tag:yaml.org,2002:";
    function findTagObject(value, tagName, tags) {
      if (tagName) {
        const match = tags.filter((t) => t.tag === tagName);
        const tagObj = match.find((t) => !t.format) ?? match[0];
        if (!tagObj)
          throw new Error(`Tag ${tagName} not found`);
        return tagObj;
      }
      return tags.find((t) => t.identify?.(value) && !t.format);
    }
    function createNode(value, tagName, ctx) {
      if (identity.isDocument(value))
        value = value.contents;
      if (identity.isNode(value))
        return value;
      if (identity.isPair(value)) {
        const map = ctx.schema[identity.MAP].createNode?.(ctx.schema, null, ctx);
        map.items.push(value);
        return map;
      }
      if (value instanceof String || value instanceof Number || value instanceof Boolean || typeof BigInt !== "undefined" && value instanceof BigInt) {
        value = value.valueOf();
      }
      const { aliasDuplicateObjects, onAnchor, onTagObj, schema, sourceObjects } = ctx;
      let ref = void 0;
      if (aliasDuplicateObjects && value && typeof value === "object") {
        ref = sourceObjects.get(value);
        if (ref) {
          ref.anchor ?? (ref.anchor = onAnchor(value));
          return new Alias.Alias(ref.anchor);
        } else {
          ref = { anchor: null, node: null };
          sourceObjects.set(value, ref);
        }
      }
      if (tagName?.startsWith("!!"))
        tagName = defaultTagPrefix + tagName.slice(2);
      let tagObj = findTagObject(value, tagName, schema.tags);
      if (!tagObj) {
        if (value && typeof value.toJSON === "function") {
          value = value.toJSON();
        }
        if (!value || typeof value !== "object") {
          const node2 = new Scalar.Scalar(value);
          if (ref)
            ref.node = node2;
          return node2;
        }
        tagObj = value instanceof Map ? schema[identity.MAP] : Symbol.iterator in Object(value) ? schema[identity.SEQ] : schema[identity.MAP];
      }
      if (onTagObj) {
        onTagObj(tagObj);
        delete ctx.onTagObj;
      }
      const node = tagObj?.createNode ? tagObj.createNode(ctx.schema, value, ctx) : typeof tagObj?.nodeClass?.from === "function" ? tagObj.nodeClass.from(ctx.schema, value, ctx) : new Scalar.Scalar(value);
      if (tagName)
        node.tag = tagName;
      else if (!tagObj.default)
        node.tag = tagObj.tag;
      if (ref)
        ref.node = node;
      return node;
    }
    exports.createNode = createNode;
  }
});

// node_modules/yaml/dist/nodes/Collection.js
var require_Collection = __commonJS({
  "node_modules/yaml/dist/nodes/Collection.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var identity = require_identity();
    var Node = require_Node();
    function collectionFromPath(schema, path, value) {
      let v = value;
      for (let i = path.length - 1; i >= 0; --i) {
        const k = path[i];
        if (typeof k === "number" && Number.isInteger(k) && k >= 0) {
          const a = [];
          a[k] = v;
          v = a;
        } else {
          v = /* @__PURE__ */ new Map([[k, v]]);
        }
      }
      return createNode.createNode(v, void 0, {
        aliasDuplicateObjects: false,
        keepUndefined: false,
        onAnchor: () => {
          throw new Error("This should not happen, please report a bug.");
        },
        schema,
        sourceObjects: /* @__PURE__ */ new Map()
      });
    }
    var isEmptyPath = (path) => path == null || typeof path === "object" && !!path[Symbol.iterator]().next().done;
    var Collection = class extends Node.NodeBase {
      constructor(type, schema) {
        super(type);
        Object.defineProperty(this, "schema", {
          value: schema,
          configurable: true,
          enumerable: false,
          writable: true
        });
      }
      /**
       * Create a copy of this collection.
       *
       * @param schema - If defined, overwrites the original's schema
       */
      clone(schema) {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (schema)
          copy.schema = schema;
        copy.items = copy.items.map((it) => identity.isNode(it) || identity.isPair(it) ? it.clone(schema) : it);
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /**
       * Adds a value to the collection. For `!!map` and `!!omap` the value must
       * be a Pair instance or a `{ key, value }` object, which may not have a key
       * that already exists in the map.
       */
      addIn(path, value) {
        if (isEmptyPath(path))
          this.add(value);
        else {
          const [key, ...rest] = path;
          const node = this.get(key, true);
          if (identity.isCollection(node))
            node.addIn(rest, value);
          else if (node === void 0 && this.schema)
            this.set(key, collectionFromPath(this.schema, rest, value));
          else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
      }
      /**
       * Removes a value from the collection.
       * @returns `true` if the item was found and removed.
       */
      deleteIn(path) {
        const [key, ...rest] = path;
        if (rest.length === 0)
          return this.delete(key);
        const node = this.get(key, true);
        if (identity.isCollection(node))
          return node.deleteIn(rest);
        else
          throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
      }
      /**
       * Returns item at `key`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      getIn(path, keepScalar) {
        const [key, ...rest] = path;
        const node = this.get(key, true);
        if (rest.length === 0)
          return !keepScalar && identity.isScalar(node) ? node.value : node;
        else
          return identity.isCollection(node) ? node.getIn(rest, keepScalar) : void 0;
      }
      hasAllNullValues(allowScalar) {
        return this.items.every((node) => {
          if (!identity.isPair(node))
            return false;
          const n = node.value;
          return n == null || allowScalar && identity.isScalar(n) && n.value == null && !n.commentBefore && !n.comment && !n.tag;
        });
      }
      /**
       * Checks if the collection includes a value with the key `key`.
       */
      hasIn(path) {
        const [key, ...rest] = path;
        if (rest.length === 0)
          return this.has(key);
        const node = this.get(key, true);
        return identity.isCollection(node) ? node.hasIn(rest) : false;
      }
      /**
       * Sets a value in this collection. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      setIn(path, value) {
        const [key, ...rest] = path;
        if (rest.length === 0) {
          this.set(key, value);
        } else {
          const node = this.get(key, true);
          if (identity.isCollection(node))
            node.setIn(rest, value);
          else if (node === void 0 && this.schema)
            this.set(key, collectionFromPath(this.schema, rest, value));
          else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
      }
    };
    exports.Collection = Collection;
    exports.collectionFromPath = collectionFromPath;
    exports.isEmptyPath = isEmptyPath;
  }
});

// node_modules/yaml/dist/stringify/stringifyComment.js
var require_stringifyComment = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyComment.js"(exports) {
    "use strict";
    var stringifyComment = (str) => str.replace(/^(?!$)(?: $)?/gm, "#");
    function indentComment(comment, indent) {
      if (/^\n+$/.test(comment))
        return comment.substring(1);
      return indent ? comment.replace(/^(?! *$)/gm, indent) : comment;
    }
    var lineComment = (str, indent, comment) => str.endsWith("\n") ? indentComment(comment, indent) : comment.includes("\n") ? "\n" + indentComment(comment, indent) : (str.endsWith(" ") ? "" : " ") + comment;
    exports.indentComment = indentComment;
    exports.lineComment = lineComment;
    exports.stringifyComment = stringifyComment;
  }
});

// node_modules/yaml/dist/stringify/foldFlowLines.js
var require_foldFlowLines = __commonJS({
  "node_modules/yaml/dist/stringify/foldFlowLines.js"(exports) {
    "use strict";
    var FOLD_FLOW = "flow";
    var FOLD_BLOCK = "block";
    var FOLD_QUOTED = "quoted";
    function foldFlowLines(text, indent, mode = "flow", { indentAtStart, lineWidth = 80, minContentWidth = 20, onFold, onOverflow } = {}) {
      if (!lineWidth || lineWidth < 0)
        return text;
      if (lineWidth < minContentWidth)
        minContentWidth = 0;
      const endStep = Math.max(1 + minContentWidth, 1 + lineWidth - indent.length);
      if (text.length <= endStep)
        return text;
      const folds = [];
      const escapedFolds = {};
      let end = lineWidth - indent.length;
      if (typeof indentAtStart === "number") {
        if (indentAtStart > lineWidth - Math.max(2, minContentWidth))
          folds.push(0);
        else
          end = lineWidth - indentAtStart;
      }
      let split = void 0;
      let prev = void 0;
      let overflow = false;
      let i = -1;
      let escStart = -1;
      let escEnd = -1;
      if (mode === FOLD_BLOCK) {
        i = consumeMoreIndentedLines(text, i, indent.length);
        if (i !== -1)
          end = i + endStep;
      }
      for (let ch; ch = text[i += 1]; ) {
        if (mode === FOLD_QUOTED && ch === "\\") {
          escStart = i;
          switch (text[i + 1]) {
            case "x":
              i += 3;
              break;
            case "u":
              i += 5;
              break;
            case "U":
              i += 9;
              break;
            default:
              i += 1;
          }
          escEnd = i;
        }
        if (ch === "\n") {
          if (mode === FOLD_BLOCK)
            i = consumeMoreIndentedLines(text, i, indent.length);
          end = i + indent.length + endStep;
          split = void 0;
        } else {
          if (ch === " " && prev && prev !== " " && prev !== "\n" && prev !== "	") {
            const next = text[i + 1];
            if (next && next !== " " && next !== "\n" && next !== "	")
              split = i;
          }
          if (i >= end) {
            if (split) {
              folds.push(split);
              end = split + endStep;
              split = void 0;
            } else if (mode === FOLD_QUOTED) {
              while (prev === " " || prev === "	") {
                prev = ch;
                ch = text[i += 1];
                overflow = true;
              }
              const j = i > escEnd + 1 ? i - 2 : escStart - 1;
              if (escapedFolds[j])
                return text;
              folds.push(j);
              escapedFolds[j] = true;
              end = j + endStep;
              split = void 0;
            } else {
              overflow = true;
            }
          }
        }
        prev = ch;
      }
      if (overflow && onOverflow)
        onOverflow();
      if (folds.length === 0)
        return text;
      if (onFold)
        onFold();
      let res = text.slice(0, folds[0]);
      for (let i2 = 0; i2 < folds.length; ++i2) {
        const fold = folds[i2];
        const end2 = folds[i2 + 1] || text.length;
        if (fold === 0)
          res = `
${indent}${text.slice(0, end2)}`;
        else {
          if (mode === FOLD_QUOTED && escapedFolds[fold])
            res += `${text[fold]}\\`;
          res += `
${indent}${text.slice(fold + 1, end2)}`;
        }
      }
      return res;
    }
    function consumeMoreIndentedLines(text, i, indent) {
      let end = i;
      let start = i + 1;
      let ch = text[start];
      while (ch === " " || ch === "	") {
        if (i < start + indent) {
          ch = text[++i];
        } else {
          do {
            ch = text[++i];
          } while (ch && ch !== "\n");
          end = i;
          start = i + 1;
          ch = text[start];
        }
      }
      return end;
    }
    exports.FOLD_BLOCK = FOLD_BLOCK;
    exports.FOLD_FLOW = FOLD_FLOW;
    exports.FOLD_QUOTED = FOLD_QUOTED;
    exports.foldFlowLines = foldFlowLines;
  }
});

// node_modules/yaml/dist/stringify/stringifyString.js
var require_stringifyString = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyString.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var foldFlowLines = require_foldFlowLines();
    var getFoldOptions = (ctx, isBlock) => ({
      indentAtStart: isBlock ? ctx.indent.length : ctx.indentAtStart,
      lineWidth: ctx.options.lineWidth,
      minContentWidth: ctx.options.minContentWidth
    });
    var containsDocumentMarker = (str) => /^(%|---|\.\.\.)/m.test(str);
    function lineLengthOverLimit(str, lineWidth, indentLength) {
      if (!lineWidth || lineWidth < 0)
        return false;
      const limit = lineWidth - indentLength;
      const strLen = str.length;
      if (strLen <= limit)
        return false;
      for (let i = 0, start = 0; i < strLen; ++i) {
        if (str[i] === "\n") {
          if (i - start > limit)
            return true;
          start = i + 1;
          if (strLen - start <= limit)
            return false;
        }
      }
      return true;
    }
    function doubleQuotedString(value, ctx) {
      const json = JSON.stringify(value);
      if (ctx.options.doubleQuotedAsJSON)
        return json;
      const { implicitKey } = ctx;
      const minMultiLineLength = ctx.options.doubleQuotedMinMultiLineLength;
      const indent = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
      let str = "";
      let start = 0;
      for (let i = 0, ch = json[i]; ch; ch = json[++i]) {
        if (ch === " " && json[i + 1] === "\\" && json[i + 2] === "n") {
          str += json.slice(start, i) + "\\ ";
          i += 1;
          start = i;
          ch = "\\";
        }
        if (ch === "\\")
          switch (json[i + 1]) {
            case "u":
              {
                str += json.slice(start, i);
                const code = json.substr(i + 2, 4);
                switch (code) {
                  case "0000":
                    str += "\\0";
                    break;
                  case "0007":
                    str += "\\a";
                    break;
                  case "000b":
                    str += "\\v";
                    break;
                  case "001b":
                    str += "\\e";
                    break;
                  case "0085":
                    str += "\\N";
                    break;
                  case "00a0":
                    str += "\\_";
                    break;
                  case "2028":
                    str += "\\L";
                    break;
                  case "2029":
                    str += "\\P";
                    break;
                  default:
                    if (code.substr(0, 2) === "00")
                      str += "\\x" + code.substr(2);
                    else
                      str += json.substr(i, 6);
                }
                i += 5;
                start = i + 1;
              }
              break;
            case "n":
              if (implicitKey || json[i + 2] === '"' || json.length < minMultiLineLength) {
                i += 1;
              } else {
                str += json.slice(start, i) + "\n\n";
                while (json[i + 2] === "\\" && json[i + 3] === "n" && json[i + 4] !== '"') {
                  str += "\n";
                  i += 2;
                }
                str += indent;
                if (json[i + 2] === " ")
                  str += "\\";
                i += 1;
                start = i + 1;
              }
              break;
            default:
              i += 1;
          }
      }
      str = start ? str + json.slice(start) : json;
      return implicitKey ? str : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_QUOTED, getFoldOptions(ctx, false));
    }
    function singleQuotedString(value, ctx) {
      if (ctx.options.singleQuote === false || ctx.implicitKey && value.includes("\n") || /[ \t]\n|\n[ \t]/.test(value))
        return doubleQuotedString(value, ctx);
      const indent = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
      const res = "'" + value.replace(/'/g, "''").replace(/\n+/g, `$&
${indent}`) + "'";
      return ctx.implicitKey ? res : foldFlowLines.foldFlowLines(res, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
    }
    function quotedString(value, ctx) {
      const { singleQuote } = ctx.options;
      let qs;
      if (singleQuote === false)
        qs = doubleQuotedString;
      else {
        const hasDouble = value.includes('"');
        const hasSingle = value.includes("'");
        if (hasDouble && !hasSingle)
          qs = singleQuotedString;
        else if (hasSingle && !hasDouble)
          qs = doubleQuotedString;
        else
          qs = singleQuote ? singleQuotedString : doubleQuotedString;
      }
      return qs(value, ctx);
    }
    var blockEndNewlines;
    try {
      blockEndNewlines = new RegExp("(^|(?<!\n))\n+(?!\n|$)", "g");
    } catch {
      blockEndNewlines = /\n+(?!\n|$)/g;
    }
    function blockString({ comment, type, value }, ctx, onComment, onChompKeep) {
      const { blockQuote, commentString, lineWidth } = ctx.options;
      if (!blockQuote || /\n[\t ]+$/.test(value)) {
        return quotedString(value, ctx);
      }
      const indent = ctx.indent || (ctx.forceBlockIndent || containsDocumentMarker(value) ? "  " : "");
      const literal = blockQuote === "literal" ? true : blockQuote === "folded" || type === Scalar.Scalar.BLOCK_FOLDED ? false : type === Scalar.Scalar.BLOCK_LITERAL ? true : !lineLengthOverLimit(value, lineWidth, indent.length);
      if (!value)
        return literal ? "|\n" : ">\n";
      let chomp;
      let endStart;
      for (endStart = value.length; endStart > 0; --endStart) {
        const ch = value[endStart - 1];
        if (ch !== "\n" && ch !== "	" && ch !== " ")
          break;
      }
      let end = value.substring(endStart);
      const endNlPos = end.indexOf("\n");
      if (endNlPos === -1) {
        chomp = "-";
      } else if (value === end || endNlPos !== end.length - 1) {
        chomp = "+";
        if (onChompKeep)
          onChompKeep();
      } else {
        chomp = "";
      }
      if (end) {
        value = value.slice(0, -end.length);
        if (end[end.length - 1] === "\n")
          end = end.slice(0, -1);
        end = end.replace(blockEndNewlines, `$&${indent}`);
      }
      let startWithSpace = false;
      let startEnd;
      let startNlPos = -1;
      for (startEnd = 0; startEnd < value.length; ++startEnd) {
        const ch = value[startEnd];
        if (ch === " ")
          startWithSpace = true;
        else if (ch === "\n")
          startNlPos = startEnd;
        else
          break;
      }
      let start = value.substring(0, startNlPos < startEnd ? startNlPos + 1 : startEnd);
      if (start) {
        value = value.substring(start.length);
        start = start.replace(/\n+/g, `$&${indent}`);
      }
      const indentSize = indent ? "2" : "1";
      let header = (startWithSpace ? indentSize : "") + chomp;
      if (comment) {
        header += " " + commentString(comment.replace(/ ?[\r\n]+/g, " "));
        if (onComment)
          onComment();
      }
      if (!literal) {
        const foldedValue = value.replace(/\n+/g, "\n$&").replace(/(?:^|\n)([\t ].*)(?:([\n\t ]*)\n(?![\n\t ]))?/g, "$1$2").replace(/\n+/g, `$&${indent}`);
        let literalFallback = false;
        const foldOptions = getFoldOptions(ctx, true);
        if (blockQuote !== "folded" && type !== Scalar.Scalar.BLOCK_FOLDED) {
          foldOptions.onOverflow = () => {
            literalFallback = true;
          };
        }
        const body = foldFlowLines.foldFlowLines(`${start}${foldedValue}${end}`, indent, foldFlowLines.FOLD_BLOCK, foldOptions);
        if (!literalFallback)
          return `>${header}
${indent}${body}`;
      }
      value = value.replace(/\n+/g, `$&${indent}`);
      return `|${header}
${indent}${start}${value}${end}`;
    }
    function plainString(item, ctx, onComment, onChompKeep) {
      const { type, value } = item;
      const { actualString, implicitKey, indent, indentStep, inFlow } = ctx;
      if (implicitKey && value.includes("\n") || inFlow && /[[\]{},]/.test(value)) {
        return quotedString(value, ctx);
      }
      if (/^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/.test(value)) {
        return implicitKey || inFlow || !value.includes("\n") ? quotedString(value, ctx) : blockString(item, ctx, onComment, onChompKeep);
      }
      if (!implicitKey && !inFlow && type !== Scalar.Scalar.PLAIN && value.includes("\n")) {
        return blockString(item, ctx, onComment, onChompKeep);
      }
      if (containsDocumentMarker(value)) {
        if (indent === "") {
          ctx.forceBlockIndent = true;
          return blockString(item, ctx, onComment, onChompKeep);
        } else if (implicitKey && indent === indentStep) {
          return quotedString(value, ctx);
        }
      }
      const str = value.replace(/\n+/g, `$&
${indent}`);
      if (actualString) {
        const test = (tag) => tag.default && tag.tag !== "tag:yaml.org,2002:str" && tag.test?.test(str);
        const { compat, tags } = ctx.doc.schema;
        if (tags.some(test) || compat?.some(test))
          return quotedString(value, ctx);
      }
      return implicitKey ? str : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
    }
    function stringifyString(item, ctx, onComment, onChompKeep) {
      const { implicitKey, inFlow } = ctx;
      const ss = typeof item.value === "string" ? item : Object.assign({}, item, { value: String(item.value) });
      let { type } = item;
      if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
        if (/[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u.test(ss.value))
          type = Scalar.Scalar.QUOTE_DOUBLE;
      }
      const _stringify = (_type) => {
        switch (_type) {
          case Scalar.Scalar.BLOCK_FOLDED:
          case Scalar.Scalar.BLOCK_LITERAL:
            return implicitKey || inFlow ? quotedString(ss.value, ctx) : blockString(ss, ctx, onComment, onChompKeep);
          case Scalar.Scalar.QUOTE_DOUBLE:
            return doubleQuotedString(ss.value, ctx);
          case Scalar.Scalar.QUOTE_SINGLE:
            return singleQuotedString(ss.value, ctx);
          case Scalar.Scalar.PLAIN:
            return plainString(ss, ctx, onComment, onChompKeep);
          default:
            return null;
        }
      };
      let res = _stringify(type);
      if (res === null) {
        const { defaultKeyType, defaultStringType } = ctx.options;
        const t = implicitKey && defaultKeyType || defaultStringType;
        res = _stringify(t);
        if (res === null)
          throw new Error(`Unsupported default string type ${t}`);
      }
      return res;
    }
    exports.stringifyString = stringifyString;
  }
});

// node_modules/yaml/dist/stringify/stringify.js
var require_stringify = __commonJS({
  "node_modules/yaml/dist/stringify/stringify.js"(exports) {
    "use strict";
    var anchors = require_anchors();
    var identity = require_identity();
    var stringifyComment = require_stringifyComment();
    var stringifyString = require_stringifyString();
    function createStringifyContext(doc, options) {
      const opt = Object.assign({
        blockQuote: true,
        commentString: stringifyComment.stringifyComment,
        defaultKeyType: null,
        defaultStringType: "PLAIN",
        directives: null,
        doubleQuotedAsJSON: false,
        doubleQuotedMinMultiLineLength: 40,
        falseStr: "false",
        flowCollectionPadding: true,
        indentSeq: true,
        lineWidth: 80,
        minContentWidth: 20,
        nullStr: "null",
        simpleKeys: false,
        singleQuote: null,
        trailingComma: false,
        trueStr: "true",
        verifyAliasOrder: true
      }, doc.schema.toStringOptions, options);
      let inFlow;
      switch (opt.collectionStyle) {
        case "block":
          inFlow = false;
          break;
        case "flow":
          inFlow = true;
          break;
        default:
          inFlow = null;
      }
      return {
        anchors: /* @__PURE__ */ new Set(),
        doc,
        flowCollectionPadding: opt.flowCollectionPadding ? " " : "",
        indent: "",
        indentStep: typeof opt.indent === "number" ? " ".repeat(opt.indent) : "  ",
        inFlow,
        options: opt
      };
    }
    function getTagObject(tags, item) {
      if (item.tag) {
        const match = tags.filter((t) => t.tag === item.tag);
        if (match.length > 0)
          return match.find((t) => t.format === item.format) ?? match[0];
      }
      let tagObj = void 0;
      let obj;
      if (identity.isScalar(item)) {
        obj = item.value;
        let match = tags.filter((t) => t.identify?.(obj));
        if (match.length > 1) {
          const testMatch = match.filter((t) => t.test);
          if (testMatch.length > 0)
            match = testMatch;
        }
        tagObj = match.find((t) => t.format === item.format) ?? match.find((t) => !t.format);
      } else {
        obj = item;
        tagObj = tags.find((t) => t.nodeClass && obj instanceof t.nodeClass);
      }
      if (!tagObj) {
        const name = obj?.constructor?.name ?? (obj === null ? "null" : typeof obj);
        throw new Error(`Tag not resolved for ${name} value`);
      }
      return tagObj;
    }
    function stringifyProps(node, tagObj, { anchors: anchors$1, doc }) {
      if (!doc.directives)
        return "";
      const props = [];
      const anchor = (identity.isScalar(node) || identity.isCollection(node)) && node.anchor;
      if (anchor && anchors.anchorIsValid(anchor)) {
        anchors$1.add(anchor);
        props.push(`&${anchor}`);
      }
      const tag = node.tag ?? (tagObj.default ? null : tagObj.tag);
      if (tag)
        props.push(doc.directives.tagString(tag));
      return props.join(" ");
    }
    function stringify(item, ctx, onComment, onChompKeep) {
      if (identity.isPair(item))
        return item.toString(ctx, onComment, onChompKeep);
      if (identity.isAlias(item)) {
        if (ctx.doc.directives)
          return item.toString(ctx);
        if (ctx.resolvedAliases?.has(item)) {
          throw new TypeError(`Cannot stringify circular structure without alias nodes`);
        } else {
          if (ctx.resolvedAliases)
            ctx.resolvedAliases.add(item);
          else
            ctx.resolvedAliases = /* @__PURE__ */ new Set([item]);
          item = item.resolve(ctx.doc);
        }
      }
      let tagObj = void 0;
      const node = identity.isNode(item) ? item : ctx.doc.createNode(item, { onTagObj: (o) => tagObj = o });
      tagObj ?? (tagObj = getTagObject(ctx.doc.schema.tags, node));
      const props = stringifyProps(node, tagObj, ctx);
      if (props.length > 0)
        ctx.indentAtStart = (ctx.indentAtStart ?? 0) + props.length + 1;
      const str = typeof tagObj.stringify === "function" ? tagObj.stringify(node, ctx, onComment, onChompKeep) : identity.isScalar(node) ? stringifyString.stringifyString(node, ctx, onComment, onChompKeep) : node.toString(ctx, onComment, onChompKeep);
      if (!props)
        return str;
      return identity.isScalar(node) || str[0] === "{" || str[0] === "[" ? `${props} ${str}` : `${props}
${ctx.indent}${str}`;
    }
    exports.createStringifyContext = createStringifyContext;
    exports.stringify = stringify;
  }
});

// node_modules/yaml/dist/stringify/stringifyPair.js
var require_stringifyPair = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyPair.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyPair({ key, value }, ctx, onComment, onChompKeep) {
      const { allNullValues, doc, indent, indentStep, options: { commentString, indentSeq, simpleKeys } } = ctx;
      let keyComment = identity.isNode(key) && key.comment || null;
      if (simpleKeys) {
        if (keyComment) {
          throw new Error("With simple keys, key nodes cannot have comments");
        }
        if (identity.isCollection(key) || !identity.isNode(key) && typeof key === "object") {
          const msg = "With simple keys, collection cannot be used as a key value";
          throw new Error(msg);
        }
      }
      let explicitKey = !simpleKeys && (!key || keyComment && value == null && !ctx.inFlow || identity.isCollection(key) || (identity.isScalar(key) ? key.type === Scalar.Scalar.BLOCK_FOLDED || key.type === Scalar.Scalar.BLOCK_LITERAL : typeof key === "object"));
      ctx = Object.assign({}, ctx, {
        allNullValues: false,
        implicitKey: !explicitKey && (simpleKeys || !allNullValues),
        indent: indent + indentStep
      });
      let keyCommentDone = false;
      let chompKeep = false;
      let str = stringify.stringify(key, ctx, () => keyCommentDone = true, () => chompKeep = true);
      if (!explicitKey && !ctx.inFlow && str.length > 1024) {
        if (simpleKeys)
          throw new Error("With simple keys, single line scalar must not span more than 1024 characters");
        explicitKey = true;
      }
      if (ctx.inFlow) {
        if (allNullValues || value == null) {
          if (keyCommentDone && onComment)
            onComment();
          return str === "" ? "?" : explicitKey ? `? ${str}` : str;
        }
      } else if (allNullValues && !simpleKeys || value == null && explicitKey) {
        str = `? ${str}`;
        if (keyComment && !keyCommentDone) {
          str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        } else if (chompKeep && onChompKeep)
          onChompKeep();
        return str;
      }
      if (keyCommentDone)
        keyComment = null;
      if (explicitKey) {
        if (keyComment)
          str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        str = `? ${str}
${indent}:`;
      } else {
        str = `${str}:`;
        if (keyComment)
          str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
      }
      let vsb, vcb, valueComment;
      if (identity.isNode(value)) {
        vsb = !!value.spaceBefore;
        vcb = value.commentBefore;
        valueComment = value.comment;
      } else {
        vsb = false;
        vcb = null;
        valueComment = null;
        if (value && typeof value === "object")
          value = doc.createNode(value);
      }
      ctx.implicitKey = false;
      if (!explicitKey && !keyComment && identity.isScalar(value))
        ctx.indentAtStart = str.length + 1;
      chompKeep = false;
      if (!indentSeq && indentStep.length >= 2 && !ctx.inFlow && !explicitKey && identity.isSeq(value) && !value.flow && !value.tag && !value.anchor) {
        ctx.indent = ctx.indent.substring(2);
      }
      let valueCommentDone = false;
      const valueStr = stringify.stringify(value, ctx, () => valueCommentDone = true, () => chompKeep = true);
      let ws = " ";
      if (keyComment || vsb || vcb) {
        ws = vsb ? "\n" : "";
        if (vcb) {
          const cs = commentString(vcb);
          ws += `
${stringifyComment.indentComment(cs, ctx.indent)}`;
        }
        if (valueStr === "" && !ctx.inFlow) {
          if (ws === "\n" && valueComment)
            ws = "\n\n";
        } else {
          ws += `
${ctx.indent}`;
        }
      } else if (!explicitKey && identity.isCollection(value)) {
        const vs0 = valueStr[0];
        const nl0 = valueStr.indexOf("\n");
        const hasNewline = nl0 !== -1;
        const flow = ctx.inFlow ?? value.flow ?? value.items.length === 0;
        if (hasNewline || !flow) {
          let hasPropsLine = false;
          if (hasNewline && (vs0 === "&" || vs0 === "!")) {
            let sp0 = valueStr.indexOf(" ");
            if (vs0 === "&" && sp0 !== -1 && sp0 < nl0 && valueStr[sp0 + 1] === "!") {
              sp0 = valueStr.indexOf(" ", sp0 + 1);
            }
            if (sp0 === -1 || nl0 < sp0)
              hasPropsLine = true;
          }
          if (!hasPropsLine)
            ws = `
${ctx.indent}`;
        }
      } else if (valueStr === "" || valueStr[0] === "\n") {
        ws = "";
      }
      str += ws + valueStr;
      if (ctx.inFlow) {
        if (valueCommentDone && onComment)
          onComment();
      } else if (valueComment && !valueCommentDone) {
        str += stringifyComment.lineComment(str, ctx.indent, commentString(valueComment));
      } else if (chompKeep && onChompKeep) {
        onChompKeep();
      }
      return str;
    }
    exports.stringifyPair = stringifyPair;
  }
});

// node_modules/yaml/dist/log.js
var require_log = __commonJS({
  "node_modules/yaml/dist/log.js"(exports) {
    "use strict";
    var node_process = __require("process");
    function debug(logLevel, ...messages) {
      if (logLevel === "debug")
        console.log(...messages);
    }
    function warn(logLevel, warning) {
      if (logLevel === "debug" || logLevel === "warn") {
        if (typeof node_process.emitWarning === "function")
          node_process.emitWarning(warning);
        else
          console.warn(warning);
      }
    }
    exports.debug = debug;
    exports.warn = warn;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/merge.js
var require_merge = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/merge.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var MERGE_KEY = "<<";
    var merge = {
      identify: (value) => value === MERGE_KEY || typeof value === "symbol" && value.description === MERGE_KEY,
      default: "key",
      tag: "tag:yaml.org,2002:merge",
      test: /^<<$/,
      resolve: () => Object.assign(new Scalar.Scalar(Symbol(MERGE_KEY)), {
        addToJSMap: addMergeToJSMap
      }),
      stringify: () => MERGE_KEY
    };
    var isMergeKey = (ctx, key) => (merge.identify(key) || identity.isScalar(key) && (!key.type || key.type === Scalar.Scalar.PLAIN) && merge.identify(key.value)) && ctx?.doc.schema.tags.some((tag) => tag.tag === merge.tag && tag.default);
    function addMergeToJSMap(ctx, map, value) {
      const source = resolveAliasValue(ctx, value);
      if (identity.isSeq(source))
        for (const it of source.items)
          mergeValue(ctx, map, it);
      else if (Array.isArray(source))
        for (const it of source)
          mergeValue(ctx, map, it);
      else
        mergeValue(ctx, map, source);
    }
    function mergeValue(ctx, map, value) {
      const source = resolveAliasValue(ctx, value);
      if (!identity.isMap(source))
        throw new Error("Merge sources must be maps or map aliases");
      const srcMap = source.toJSON(null, ctx, Map);
      for (const [key, value2] of srcMap) {
        if (map instanceof Map) {
          if (!map.has(key))
            map.set(key, value2);
        } else if (map instanceof Set) {
          map.add(key);
        } else if (!Object.prototype.hasOwnProperty.call(map, key)) {
          Object.defineProperty(map, key, {
            value: value2,
            writable: true,
            enumerable: true,
            configurable: true
          });
        }
      }
      return map;
    }
    function resolveAliasValue(ctx, value) {
      return ctx && identity.isAlias(value) ? value.resolve(ctx.doc, ctx) : value;
    }
    exports.addMergeToJSMap = addMergeToJSMap;
    exports.isMergeKey = isMergeKey;
    exports.merge = merge;
  }
});

// node_modules/yaml/dist/nodes/addPairToJSMap.js
var require_addPairToJSMap = __commonJS({
  "node_modules/yaml/dist/nodes/addPairToJSMap.js"(exports) {
    "use strict";
    var log = require_log();
    var merge = require_merge();
    var stringify = require_stringify();
    var identity = require_identity();
    var toJS = require_toJS();
    function addPairToJSMap(ctx, map, { key, value }) {
      if (identity.isNode(key) && key.addToJSMap)
        key.addToJSMap(ctx, map, value);
      else if (merge.isMergeKey(ctx, key))
        merge.addMergeToJSMap(ctx, map, value);
      else {
        const jsKey = toJS.toJS(key, "", ctx);
        if (map instanceof Map) {
          map.set(jsKey, toJS.toJS(value, jsKey, ctx));
        } else if (map instanceof Set) {
          map.add(jsKey);
        } else {
          const stringKey = stringifyKey(key, jsKey, ctx);
          const jsValue = toJS.toJS(value, stringKey, ctx);
          if (stringKey in map)
            Object.defineProperty(map, stringKey, {
              value: jsValue,
              writable: true,
              enumerable: true,
              configurable: true
            });
          else
            map[stringKey] = jsValue;
        }
      }
      return map;
    }
    function stringifyKey(key, jsKey, ctx) {
      if (jsKey === null)
        return "";
      if (typeof jsKey !== "object")
        return String(jsKey);
      if (identity.isNode(key) && ctx?.doc) {
        const strCtx = stringify.createStringifyContext(ctx.doc, {});
        strCtx.anchors = /* @__PURE__ */ new Set();
        for (const node of ctx.anchors.keys())
          strCtx.anchors.add(node.anchor);
        strCtx.inFlow = true;
        strCtx.inStringifyKey = true;
        const strKey = key.toString(strCtx);
        if (!ctx.mapKeyWarned) {
          let jsonStr = JSON.stringify(strKey);
          if (jsonStr.length > 40)
            jsonStr = jsonStr.substring(0, 36) + '..."';
          log.warn(ctx.doc.options.logLevel, `Keys with collection values will be stringified due to JS Object restrictions: ${jsonStr}. Set mapAsMap: true to use object keys.`);
          ctx.mapKeyWarned = true;
        }
        return strKey;
      }
      return JSON.stringify(jsKey);
    }
    exports.addPairToJSMap = addPairToJSMap;
  }
});

// node_modules/yaml/dist/nodes/Pair.js
var require_Pair = __commonJS({
  "node_modules/yaml/dist/nodes/Pair.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var stringifyPair = require_stringifyPair();
    var addPairToJSMap = require_addPairToJSMap();
    var identity = require_identity();
    function createPair(key, value, ctx) {
      const k = createNode.createNode(key, void 0, ctx);
      const v = createNode.createNode(value, void 0, ctx);
      return new Pair(k, v);
    }
    var Pair = class _Pair {
      constructor(key, value = null) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.PAIR });
        this.key = key;
        this.value = value;
      }
      clone(schema) {
        let { key, value } = this;
        if (identity.isNode(key))
          key = key.clone(schema);
        if (identity.isNode(value))
          value = value.clone(schema);
        return new _Pair(key, value);
      }
      toJSON(_, ctx) {
        const pair = ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
        return addPairToJSMap.addPairToJSMap(ctx, pair, this);
      }
      toString(ctx, onComment, onChompKeep) {
        return ctx?.doc ? stringifyPair.stringifyPair(this, ctx, onComment, onChompKeep) : JSON.stringify(this);
      }
    };
    exports.Pair = Pair;
    exports.createPair = createPair;
  }
});

// node_modules/yaml/dist/stringify/stringifyCollection.js
var require_stringifyCollection = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyCollection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyCollection(collection, ctx, options) {
      const flow = ctx.inFlow ?? collection.flow;
      const stringify2 = flow ? stringifyFlowCollection : stringifyBlockCollection;
      return stringify2(collection, ctx, options);
    }
    function stringifyBlockCollection({ comment, items }, ctx, { blockItemPrefix, flowChars, itemIndent, onChompKeep, onComment }) {
      const { indent, options: { commentString } } = ctx;
      const itemCtx = Object.assign({}, ctx, { indent: itemIndent, type: null });
      let chompKeep = false;
      const lines = [];
      for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment2 = null;
        if (identity.isNode(item)) {
          if (!chompKeep && item.spaceBefore)
            lines.push("");
          addCommentBefore(ctx, lines, item.commentBefore, chompKeep);
          if (item.comment)
            comment2 = item.comment;
        } else if (identity.isPair(item)) {
          const ik = identity.isNode(item.key) ? item.key : null;
          if (ik) {
            if (!chompKeep && ik.spaceBefore)
              lines.push("");
            addCommentBefore(ctx, lines, ik.commentBefore, chompKeep);
          }
        }
        chompKeep = false;
        let str2 = stringify.stringify(item, itemCtx, () => comment2 = null, () => chompKeep = true);
        if (comment2)
          str2 += stringifyComment.lineComment(str2, itemIndent, commentString(comment2));
        if (chompKeep && comment2)
          chompKeep = false;
        lines.push(blockItemPrefix + str2);
      }
      let str;
      if (lines.length === 0) {
        str = flowChars.start + flowChars.end;
      } else {
        str = lines[0];
        for (let i = 1; i < lines.length; ++i) {
          const line = lines[i];
          str += line ? `
${indent}${line}` : "\n";
        }
      }
      if (comment) {
        str += "\n" + stringifyComment.indentComment(commentString(comment), indent);
        if (onComment)
          onComment();
      } else if (chompKeep && onChompKeep)
        onChompKeep();
      return str;
    }
    function stringifyFlowCollection({ items }, ctx, { flowChars, itemIndent }) {
      const { indent, indentStep, flowCollectionPadding: fcPadding, options: { commentString } } = ctx;
      itemIndent += indentStep;
      const itemCtx = Object.assign({}, ctx, {
        indent: itemIndent,
        inFlow: true,
        type: null
      });
      let reqNewline = false;
      let linesAtValue = 0;
      const lines = [];
      for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment = null;
        if (identity.isNode(item)) {
          if (item.spaceBefore)
            lines.push("");
          addCommentBefore(ctx, lines, item.commentBefore, false);
          if (item.comment)
            comment = item.comment;
        } else if (identity.isPair(item)) {
          const ik = identity.isNode(item.key) ? item.key : null;
          if (ik) {
            if (ik.spaceBefore)
              lines.push("");
            addCommentBefore(ctx, lines, ik.commentBefore, false);
            if (ik.comment)
              reqNewline = true;
          }
          const iv = identity.isNode(item.value) ? item.value : null;
          if (iv) {
            if (iv.comment)
              comment = iv.comment;
            if (iv.commentBefore)
              reqNewline = true;
          } else if (item.value == null && ik?.comment) {
            comment = ik.comment;
          }
        }
        if (comment)
          reqNewline = true;
        let str = stringify.stringify(item, itemCtx, () => comment = null);
        reqNewline || (reqNewline = lines.length > linesAtValue || str.includes("\n"));
        if (i < items.length - 1) {
          str += ",";
        } else if (ctx.options.trailingComma) {
          if (ctx.options.lineWidth > 0) {
            reqNewline || (reqNewline = lines.reduce((sum2, line) => sum2 + line.length + 2, 2) + (str.length + 2) > ctx.options.lineWidth);
          }
          if (reqNewline) {
            str += ",";
          }
        }
        if (comment)
          str += stringifyComment.lineComment(str, itemIndent, commentString(comment));
        lines.push(str);
        linesAtValue = lines.length;
      }
      const { start, end } = flowChars;
      if (lines.length === 0) {
        return start + end;
      } else {
        if (!reqNewline) {
          const len = lines.reduce((sum2, line) => sum2 + line.length + 2, 2);
          reqNewline = ctx.options.lineWidth > 0 && len > ctx.options.lineWidth;
        }
        if (reqNewline) {
          let str = start;
          for (const line of lines)
            str += line ? `
${indentStep}${indent}${line}` : "\n";
          return `${str}
${indent}${end}`;
        } else {
          return `${start}${fcPadding}${lines.join(" ")}${fcPadding}${end}`;
        }
      }
    }
    function addCommentBefore({ indent, options: { commentString } }, lines, comment, chompKeep) {
      if (comment && chompKeep)
        comment = comment.replace(/^\n+/, "");
      if (comment) {
        const ic = stringifyComment.indentComment(commentString(comment), indent);
        lines.push(ic.trimStart());
      }
    }
    exports.stringifyCollection = stringifyCollection;
  }
});

// node_modules/yaml/dist/nodes/YAMLMap.js
var require_YAMLMap = __commonJS({
  "node_modules/yaml/dist/nodes/YAMLMap.js"(exports) {
    "use strict";
    var stringifyCollection = require_stringifyCollection();
    var addPairToJSMap = require_addPairToJSMap();
    var Collection = require_Collection();
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    function findPair(items, key) {
      const k = identity.isScalar(key) ? key.value : key;
      for (const it of items) {
        if (identity.isPair(it)) {
          if (it.key === key || it.key === k)
            return it;
          if (identity.isScalar(it.key) && it.key.value === k)
            return it;
        }
      }
      return void 0;
    }
    var YAMLMap = class extends Collection.Collection {
      static get tagName() {
        return "tag:yaml.org,2002:map";
      }
      constructor(schema) {
        super(identity.MAP, schema);
        this.items = [];
      }
      /**
       * A generic collection parsing method that can be extended
       * to other node classes that inherit from YAMLMap
       */
      static from(schema, obj, ctx) {
        const { keepUndefined, replacer } = ctx;
        const map = new this(schema);
        const add = (key, value) => {
          if (typeof replacer === "function")
            value = replacer.call(obj, key, value);
          else if (Array.isArray(replacer) && !replacer.includes(key))
            return;
          if (value !== void 0 || keepUndefined)
            map.items.push(Pair.createPair(key, value, ctx));
        };
        if (obj instanceof Map) {
          for (const [key, value] of obj)
            add(key, value);
        } else if (obj && typeof obj === "object") {
          for (const key of Object.keys(obj))
            add(key, obj[key]);
        }
        if (typeof schema.sortMapEntries === "function") {
          map.items.sort(schema.sortMapEntries);
        }
        return map;
      }
      /**
       * Adds a value to the collection.
       *
       * @param overwrite - If not set `true`, using a key that is already in the
       *   collection will throw. Otherwise, overwrites the previous value.
       */
      add(pair, overwrite) {
        let _pair;
        if (identity.isPair(pair))
          _pair = pair;
        else if (!pair || typeof pair !== "object" || !("key" in pair)) {
          _pair = new Pair.Pair(pair, pair?.value);
        } else
          _pair = new Pair.Pair(pair.key, pair.value);
        const prev = findPair(this.items, _pair.key);
        const sortEntries = this.schema?.sortMapEntries;
        if (prev) {
          if (!overwrite)
            throw new Error(`Key ${_pair.key} already set`);
          if (identity.isScalar(prev.value) && Scalar.isScalarValue(_pair.value))
            prev.value.value = _pair.value;
          else
            prev.value = _pair.value;
        } else if (sortEntries) {
          const i = this.items.findIndex((item) => sortEntries(_pair, item) < 0);
          if (i === -1)
            this.items.push(_pair);
          else
            this.items.splice(i, 0, _pair);
        } else {
          this.items.push(_pair);
        }
      }
      delete(key) {
        const it = findPair(this.items, key);
        if (!it)
          return false;
        const del = this.items.splice(this.items.indexOf(it), 1);
        return del.length > 0;
      }
      get(key, keepScalar) {
        const it = findPair(this.items, key);
        const node = it?.value;
        return (!keepScalar && identity.isScalar(node) ? node.value : node) ?? void 0;
      }
      has(key) {
        return !!findPair(this.items, key);
      }
      set(key, value) {
        this.add(new Pair.Pair(key, value), true);
      }
      /**
       * @param ctx - Conversion context, originally set in Document#toJS()
       * @param {Class} Type - If set, forces the returned collection type
       * @returns Instance of Type, Map, or Object
       */
      toJSON(_, ctx, Type) {
        const map = Type ? new Type() : ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
        if (ctx?.onCreate)
          ctx.onCreate(map);
        for (const item of this.items)
          addPairToJSMap.addPairToJSMap(ctx, map, item);
        return map;
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        for (const item of this.items) {
          if (!identity.isPair(item))
            throw new Error(`Map items must all be pairs; found ${JSON.stringify(item)} instead`);
        }
        if (!ctx.allNullValues && this.hasAllNullValues(false))
          ctx = Object.assign({}, ctx, { allNullValues: true });
        return stringifyCollection.stringifyCollection(this, ctx, {
          blockItemPrefix: "",
          flowChars: { start: "{", end: "}" },
          itemIndent: ctx.indent || "",
          onChompKeep,
          onComment
        });
      }
    };
    exports.YAMLMap = YAMLMap;
    exports.findPair = findPair;
  }
});

// node_modules/yaml/dist/schema/common/map.js
var require_map = __commonJS({
  "node_modules/yaml/dist/schema/common/map.js"(exports) {
    "use strict";
    var identity = require_identity();
    var YAMLMap = require_YAMLMap();
    var map = {
      collection: "map",
      default: true,
      nodeClass: YAMLMap.YAMLMap,
      tag: "tag:yaml.org,2002:map",
      resolve(map2, onError) {
        if (!identity.isMap(map2))
          onError("Expected a mapping for this tag");
        return map2;
      },
      createNode: (schema, obj, ctx) => YAMLMap.YAMLMap.from(schema, obj, ctx)
    };
    exports.map = map;
  }
});

// node_modules/yaml/dist/nodes/YAMLSeq.js
var require_YAMLSeq = __commonJS({
  "node_modules/yaml/dist/nodes/YAMLSeq.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var stringifyCollection = require_stringifyCollection();
    var Collection = require_Collection();
    var identity = require_identity();
    var Scalar = require_Scalar();
    var toJS = require_toJS();
    var YAMLSeq = class extends Collection.Collection {
      static get tagName() {
        return "tag:yaml.org,2002:seq";
      }
      constructor(schema) {
        super(identity.SEQ, schema);
        this.items = [];
      }
      add(value) {
        this.items.push(value);
      }
      /**
       * Removes a value from the collection.
       *
       * `key` must contain a representation of an integer for this to succeed.
       * It may be wrapped in a `Scalar`.
       *
       * @returns `true` if the item was found and removed.
       */
      delete(key) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          return false;
        const del = this.items.splice(idx, 1);
        return del.length > 0;
      }
      get(key, keepScalar) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          return void 0;
        const it = this.items[idx];
        return !keepScalar && identity.isScalar(it) ? it.value : it;
      }
      /**
       * Checks if the collection includes a value with the key `key`.
       *
       * `key` must contain a representation of an integer for this to succeed.
       * It may be wrapped in a `Scalar`.
       */
      has(key) {
        const idx = asItemIndex(key);
        return typeof idx === "number" && idx < this.items.length;
      }
      /**
       * Sets a value in this collection. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       *
       * If `key` does not contain a representation of an integer, this will throw.
       * It may be wrapped in a `Scalar`.
       */
      set(key, value) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          throw new Error(`Expected a valid index, not ${key}.`);
        const prev = this.items[idx];
        if (identity.isScalar(prev) && Scalar.isScalarValue(value))
          prev.value = value;
        else
          this.items[idx] = value;
      }
      toJSON(_, ctx) {
        const seq = [];
        if (ctx?.onCreate)
          ctx.onCreate(seq);
        let i = 0;
        for (const item of this.items)
          seq.push(toJS.toJS(item, String(i++), ctx));
        return seq;
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        return stringifyCollection.stringifyCollection(this, ctx, {
          blockItemPrefix: "- ",
          flowChars: { start: "[", end: "]" },
          itemIndent: (ctx.indent || "") + "  ",
          onChompKeep,
          onComment
        });
      }
      static from(schema, obj, ctx) {
        const { replacer } = ctx;
        const seq = new this(schema);
        if (obj && Symbol.iterator in Object(obj)) {
          let i = 0;
          for (let it of obj) {
            if (typeof replacer === "function") {
              const key = obj instanceof Set ? it : String(i++);
              it = replacer.call(obj, key, it);
            }
            seq.items.push(createNode.createNode(it, void 0, ctx));
          }
        }
        return seq;
      }
    };
    function asItemIndex(key) {
      let idx = identity.isScalar(key) ? key.value : key;
      if (idx && typeof idx === "string")
        idx = Number(idx);
      return typeof idx === "number" && Number.isInteger(idx) && idx >= 0 ? idx : null;
    }
    exports.YAMLSeq = YAMLSeq;
  }
});

// node_modules/yaml/dist/schema/common/seq.js
var require_seq = __commonJS({
  "node_modules/yaml/dist/schema/common/seq.js"(exports) {
    "use strict";
    var identity = require_identity();
    var YAMLSeq = require_YAMLSeq();
    var seq = {
      collection: "seq",
      default: true,
      nodeClass: YAMLSeq.YAMLSeq,
      tag: "tag:yaml.org,2002:seq",
      resolve(seq2, onError) {
        if (!identity.isSeq(seq2))
          onError("Expected a sequence for this tag");
        return seq2;
      },
      createNode: (schema, obj, ctx) => YAMLSeq.YAMLSeq.from(schema, obj, ctx)
    };
    exports.seq = seq;
  }
});

// node_modules/yaml/dist/schema/common/string.js
var require_string = __commonJS({
  "node_modules/yaml/dist/schema/common/string.js"(exports) {
    "use strict";
    var stringifyString = require_stringifyString();
    var string = {
      identify: (value) => typeof value === "string",
      default: true,
      tag: "tag:yaml.org,2002:str",
      resolve: (str) => str,
      stringify(item, ctx, onComment, onChompKeep) {
        ctx = Object.assign({ actualString: true }, ctx);
        return stringifyString.stringifyString(item, ctx, onComment, onChompKeep);
      }
    };
    exports.string = string;
  }
});

// node_modules/yaml/dist/schema/common/null.js
var require_null = __commonJS({
  "node_modules/yaml/dist/schema/common/null.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var nullTag = {
      identify: (value) => value == null,
      createNode: () => new Scalar.Scalar(null),
      default: true,
      tag: "tag:yaml.org,2002:null",
      test: /^(?:~|[Nn]ull|NULL)?$/,
      resolve: () => new Scalar.Scalar(null),
      stringify: ({ source }, ctx) => typeof source === "string" && nullTag.test.test(source) ? source : ctx.options.nullStr
    };
    exports.nullTag = nullTag;
  }
});

// node_modules/yaml/dist/schema/core/bool.js
var require_bool = __commonJS({
  "node_modules/yaml/dist/schema/core/bool.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var boolTag = {
      identify: (value) => typeof value === "boolean",
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
      resolve: (str) => new Scalar.Scalar(str[0] === "t" || str[0] === "T"),
      stringify({ source, value }, ctx) {
        if (source && boolTag.test.test(source)) {
          const sv = source[0] === "t" || source[0] === "T";
          if (value === sv)
            return source;
        }
        return value ? ctx.options.trueStr : ctx.options.falseStr;
      }
    };
    exports.boolTag = boolTag;
  }
});

// node_modules/yaml/dist/stringify/stringifyNumber.js
var require_stringifyNumber = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyNumber.js"(exports) {
    "use strict";
    function stringifyNumber({ format, minFractionDigits, tag, value }) {
      if (typeof value === "bigint")
        return String(value);
      const num = typeof value === "number" ? value : Number(value);
      if (!isFinite(num))
        return isNaN(num) ? ".nan" : num < 0 ? "-.inf" : ".inf";
      let n = Object.is(value, -0) ? "-0" : JSON.stringify(value);
      if (!format && minFractionDigits && (!tag || tag === "tag:yaml.org,2002:float") && /^-?\d/.test(n) && !n.includes("e")) {
        let i = n.indexOf(".");
        if (i < 0) {
          i = n.length;
          n += ".";
        }
        let d = minFractionDigits - (n.length - i - 1);
        while (d-- > 0)
          n += "0";
      }
      return n;
    }
    exports.stringifyNumber = stringifyNumber;
  }
});

// node_modules/yaml/dist/schema/core/float.js
var require_float = __commonJS({
  "node_modules/yaml/dist/schema/core/float.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var stringifyNumber = require_stringifyNumber();
    var floatNaN = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
      resolve: (str) => str.slice(-3).toLowerCase() === "nan" ? NaN : str[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
      stringify: stringifyNumber.stringifyNumber
    };
    var floatExp = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "EXP",
      test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
      resolve: (str) => parseFloat(str),
      stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
      }
    };
    var float = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
      resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str));
        const dot = str.indexOf(".");
        if (dot !== -1 && str[str.length - 1] === "0")
          node.minFractionDigits = str.length - dot - 1;
        return node;
      },
      stringify: stringifyNumber.stringifyNumber
    };
    exports.float = float;
    exports.floatExp = floatExp;
    exports.floatNaN = floatNaN;
  }
});

// node_modules/yaml/dist/schema/core/int.js
var require_int = __commonJS({
  "node_modules/yaml/dist/schema/core/int.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    var intIdentify = (value) => typeof value === "bigint" || Number.isInteger(value);
    var intResolve = (str, offset, radix, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str.substring(offset), radix);
    function intStringify(node, radix, prefix) {
      const { value } = node;
      if (intIdentify(value) && value >= 0)
        return prefix + value.toString(radix);
      return stringifyNumber.stringifyNumber(node);
    }
    var intOct = {
      identify: (value) => intIdentify(value) && value >= 0,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "OCT",
      test: /^0o[0-7]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 8, opt),
      stringify: (node) => intStringify(node, 8, "0o")
    };
    var int = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      test: /^[-+]?[0-9]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
      stringify: stringifyNumber.stringifyNumber
    };
    var intHex = {
      identify: (value) => intIdentify(value) && value >= 0,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "HEX",
      test: /^0x[0-9a-fA-F]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
      stringify: (node) => intStringify(node, 16, "0x")
    };
    exports.int = int;
    exports.intHex = intHex;
    exports.intOct = intOct;
  }
});

// node_modules/yaml/dist/schema/core/schema.js
var require_schema = __commonJS({
  "node_modules/yaml/dist/schema/core/schema.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var bool = require_bool();
    var float = require_float();
    var int = require_int();
    var schema = [
      map.map,
      seq.seq,
      string.string,
      _null.nullTag,
      bool.boolTag,
      int.intOct,
      int.int,
      int.intHex,
      float.floatNaN,
      float.floatExp,
      float.float
    ];
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/json/schema.js
var require_schema2 = __commonJS({
  "node_modules/yaml/dist/schema/json/schema.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var map = require_map();
    var seq = require_seq();
    function intIdentify(value) {
      return typeof value === "bigint" || Number.isInteger(value);
    }
    var stringifyJSON = ({ value }) => JSON.stringify(value);
    var jsonScalars = [
      {
        identify: (value) => typeof value === "string",
        default: true,
        tag: "tag:yaml.org,2002:str",
        resolve: (str) => str,
        stringify: stringifyJSON
      },
      {
        identify: (value) => value == null,
        createNode: () => new Scalar.Scalar(null),
        default: true,
        tag: "tag:yaml.org,2002:null",
        test: /^null$/,
        resolve: () => null,
        stringify: stringifyJSON
      },
      {
        identify: (value) => typeof value === "boolean",
        default: true,
        tag: "tag:yaml.org,2002:bool",
        test: /^true$|^false$/,
        resolve: (str) => str === "true",
        stringify: stringifyJSON
      },
      {
        identify: intIdentify,
        default: true,
        tag: "tag:yaml.org,2002:int",
        test: /^-?(?:0|[1-9][0-9]*)$/,
        resolve: (str, _onError, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str, 10),
        stringify: ({ value }) => intIdentify(value) ? value.toString() : JSON.stringify(value)
      },
      {
        identify: (value) => typeof value === "number",
        default: true,
        tag: "tag:yaml.org,2002:float",
        test: /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$/,
        resolve: (str) => parseFloat(str),
        stringify: stringifyJSON
      }
    ];
    var jsonError = {
      default: true,
      tag: "",
      test: /^/,
      resolve(str, onError) {
        onError(`Unresolved plain scalar ${JSON.stringify(str)}`);
        return str;
      }
    };
    var schema = [map.map, seq.seq].concat(jsonScalars, jsonError);
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/binary.js
var require_binary = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/binary.js"(exports) {
    "use strict";
    var node_buffer = __require("buffer");
    var Scalar = require_Scalar();
    var stringifyString = require_stringifyString();
    var binary = {
      identify: (value) => value instanceof Uint8Array,
      // Buffer inherits from Uint8Array
      default: false,
      tag: "tag:yaml.org,2002:binary",
      /**
       * Returns a Buffer in node and an Uint8Array in browsers
       *
       * To use the resulting buffer as an image, you'll want to do something like:
       *
       *   const blob = new Blob([buffer], { type: 'image/jpeg' })
       *   document.querySelector('#photo').src = URL.createObjectURL(blob)
       */
      resolve(src, onError) {
        if (typeof node_buffer.Buffer === "function") {
          return node_buffer.Buffer.from(src, "base64");
        } else if (typeof atob === "function") {
          const str = atob(src.replace(/[\n\r]/g, ""));
          const buffer = new Uint8Array(str.length);
          for (let i = 0; i < str.length; ++i)
            buffer[i] = str.charCodeAt(i);
          return buffer;
        } else {
          onError("This environment does not support reading binary tags; either Buffer or atob is required");
          return src;
        }
      },
      stringify({ comment, type, value }, ctx, onComment, onChompKeep) {
        if (!value)
          return "";
        const buf = value;
        let str;
        if (typeof node_buffer.Buffer === "function") {
          str = buf instanceof node_buffer.Buffer ? buf.toString("base64") : node_buffer.Buffer.from(buf.buffer).toString("base64");
        } else if (typeof btoa === "function") {
          let s = "";
          for (let i = 0; i < buf.length; ++i)
            s += String.fromCharCode(buf[i]);
          str = btoa(s);
        } else {
          throw new Error("This environment does not support writing binary tags; either Buffer or btoa is required");
        }
        type ?? (type = Scalar.Scalar.BLOCK_LITERAL);
        if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
          const lineWidth = Math.max(ctx.options.lineWidth - ctx.indent.length, ctx.options.minContentWidth);
          const n = Math.ceil(str.length / lineWidth);
          const lines = new Array(n);
          for (let i = 0, o = 0; i < n; ++i, o += lineWidth) {
            lines[i] = str.substr(o, lineWidth);
          }
          str = lines.join(type === Scalar.Scalar.BLOCK_LITERAL ? "\n" : " ");
        }
        return stringifyString.stringifyString({ comment, type, value: str }, ctx, onComment, onChompKeep);
      }
    };
    exports.binary = binary;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/pairs.js
var require_pairs = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/pairs.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    var YAMLSeq = require_YAMLSeq();
    function resolvePairs(seq, onError) {
      if (identity.isSeq(seq)) {
        for (let i = 0; i < seq.items.length; ++i) {
          let item = seq.items[i];
          if (identity.isPair(item))
            continue;
          else if (identity.isMap(item)) {
            if (item.items.length > 1)
              onError("Each pair must have its own sequence indicator");
            const pair = item.items[0] || new Pair.Pair(new Scalar.Scalar(null));
            if (item.commentBefore)
              pair.key.commentBefore = pair.key.commentBefore ? `${item.commentBefore}
${pair.key.commentBefore}` : item.commentBefore;
            if (item.comment) {
              const cn = pair.value ?? pair.key;
              cn.comment = cn.comment ? `${item.comment}
${cn.comment}` : item.comment;
            }
            item = pair;
          }
          seq.items[i] = identity.isPair(item) ? item : new Pair.Pair(item);
        }
      } else
        onError("Expected a sequence for this tag");
      return seq;
    }
    function createPairs(schema, iterable, ctx) {
      const { replacer } = ctx;
      const pairs2 = new YAMLSeq.YAMLSeq(schema);
      pairs2.tag = "tag:yaml.org,2002:pairs";
      let i = 0;
      if (iterable && Symbol.iterator in Object(iterable))
        for (let it of iterable) {
          if (typeof replacer === "function")
            it = replacer.call(iterable, String(i++), it);
          let key, value;
          if (Array.isArray(it)) {
            if (it.length === 2) {
              key = it[0];
              value = it[1];
            } else
              throw new TypeError(`Expected [key, value] tuple: ${it}`);
          } else if (it && it instanceof Object) {
            const keys = Object.keys(it);
            if (keys.length === 1) {
              key = keys[0];
              value = it[key];
            } else {
              throw new TypeError(`Expected tuple with one key, not ${keys.length} keys`);
            }
          } else {
            key = it;
          }
          pairs2.items.push(Pair.createPair(key, value, ctx));
        }
      return pairs2;
    }
    var pairs = {
      collection: "seq",
      default: false,
      tag: "tag:yaml.org,2002:pairs",
      resolve: resolvePairs,
      createNode: createPairs
    };
    exports.createPairs = createPairs;
    exports.pairs = pairs;
    exports.resolvePairs = resolvePairs;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/omap.js
var require_omap = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/omap.js"(exports) {
    "use strict";
    var identity = require_identity();
    var toJS = require_toJS();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var pairs = require_pairs();
    var YAMLOMap = class _YAMLOMap extends YAMLSeq.YAMLSeq {
      constructor() {
        super();
        this.add = YAMLMap.YAMLMap.prototype.add.bind(this);
        this.delete = YAMLMap.YAMLMap.prototype.delete.bind(this);
        this.get = YAMLMap.YAMLMap.prototype.get.bind(this);
        this.has = YAMLMap.YAMLMap.prototype.has.bind(this);
        this.set = YAMLMap.YAMLMap.prototype.set.bind(this);
        this.tag = _YAMLOMap.tag;
      }
      /**
       * If `ctx` is given, the return type is actually `Map<unknown, unknown>`,
       * but TypeScript won't allow widening the signature of a child method.
       */
      toJSON(_, ctx) {
        if (!ctx)
          return super.toJSON(_);
        const map = /* @__PURE__ */ new Map();
        if (ctx?.onCreate)
          ctx.onCreate(map);
        for (const pair of this.items) {
          let key, value;
          if (identity.isPair(pair)) {
            key = toJS.toJS(pair.key, "", ctx);
            value = toJS.toJS(pair.value, key, ctx);
          } else {
            key = toJS.toJS(pair, "", ctx);
          }
          if (map.has(key))
            throw new Error("Ordered maps must not include duplicate keys");
          map.set(key, value);
        }
        return map;
      }
      static from(schema, iterable, ctx) {
        const pairs$1 = pairs.createPairs(schema, iterable, ctx);
        const omap2 = new this();
        omap2.items = pairs$1.items;
        return omap2;
      }
    };
    YAMLOMap.tag = "tag:yaml.org,2002:omap";
    var omap = {
      collection: "seq",
      identify: (value) => value instanceof Map,
      nodeClass: YAMLOMap,
      default: false,
      tag: "tag:yaml.org,2002:omap",
      resolve(seq, onError) {
        const pairs$1 = pairs.resolvePairs(seq, onError);
        const seenKeys = [];
        for (const { key } of pairs$1.items) {
          if (identity.isScalar(key)) {
            if (seenKeys.includes(key.value)) {
              onError(`Ordered maps must not include duplicate keys: ${key.value}`);
            } else {
              seenKeys.push(key.value);
            }
          }
        }
        return Object.assign(new YAMLOMap(), pairs$1);
      },
      createNode: (schema, iterable, ctx) => YAMLOMap.from(schema, iterable, ctx)
    };
    exports.YAMLOMap = YAMLOMap;
    exports.omap = omap;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/bool.js
var require_bool2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/bool.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    function boolStringify({ value, source }, ctx) {
      const boolObj = value ? trueTag : falseTag;
      if (source && boolObj.test.test(source))
        return source;
      return value ? ctx.options.trueStr : ctx.options.falseStr;
    }
    var trueTag = {
      identify: (value) => value === true,
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
      resolve: () => new Scalar.Scalar(true),
      stringify: boolStringify
    };
    var falseTag = {
      identify: (value) => value === false,
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
      resolve: () => new Scalar.Scalar(false),
      stringify: boolStringify
    };
    exports.falseTag = falseTag;
    exports.trueTag = trueTag;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/float.js
var require_float2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/float.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var stringifyNumber = require_stringifyNumber();
    var floatNaN = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
      resolve: (str) => str.slice(-3).toLowerCase() === "nan" ? NaN : str[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
      stringify: stringifyNumber.stringifyNumber
    };
    var floatExp = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "EXP",
      test: /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
      resolve: (str) => parseFloat(str.replace(/_/g, "")),
      stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
      }
    };
    var float = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,
      resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str.replace(/_/g, "")));
        const dot = str.indexOf(".");
        if (dot !== -1) {
          const f = str.substring(dot + 1).replace(/_/g, "");
          if (f[f.length - 1] === "0")
            node.minFractionDigits = f.length;
        }
        return node;
      },
      stringify: stringifyNumber.stringifyNumber
    };
    exports.float = float;
    exports.floatExp = floatExp;
    exports.floatNaN = floatNaN;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/int.js
var require_int2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/int.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    var intIdentify = (value) => typeof value === "bigint" || Number.isInteger(value);
    function intResolve(str, offset, radix, { intAsBigInt }) {
      const sign2 = str[0];
      if (sign2 === "-" || sign2 === "+")
        offset += 1;
      str = str.substring(offset).replace(/_/g, "");
      if (intAsBigInt) {
        switch (radix) {
          case 2:
            str = `0b${str}`;
            break;
          case 8:
            str = `0o${str}`;
            break;
          case 16:
            str = `0x${str}`;
            break;
        }
        const n2 = BigInt(str);
        return sign2 === "-" ? BigInt(-1) * n2 : n2;
      }
      const n = parseInt(str, radix);
      return sign2 === "-" ? -1 * n : n;
    }
    function intStringify(node, radix, prefix) {
      const { value } = node;
      if (intIdentify(value)) {
        const str = value.toString(radix);
        return value < 0 ? "-" + prefix + str.substr(1) : prefix + str;
      }
      return stringifyNumber.stringifyNumber(node);
    }
    var intBin = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "BIN",
      test: /^[-+]?0b[0-1_]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 2, opt),
      stringify: (node) => intStringify(node, 2, "0b")
    };
    var intOct = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "OCT",
      test: /^[-+]?0[0-7_]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 1, 8, opt),
      stringify: (node) => intStringify(node, 8, "0")
    };
    var int = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      test: /^[-+]?[0-9][0-9_]*$/,
      resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
      stringify: stringifyNumber.stringifyNumber
    };
    var intHex = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "HEX",
      test: /^[-+]?0x[0-9a-fA-F_]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
      stringify: (node) => intStringify(node, 16, "0x")
    };
    exports.int = int;
    exports.intBin = intBin;
    exports.intHex = intHex;
    exports.intOct = intOct;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/set.js
var require_set = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/set.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var YAMLSet = class _YAMLSet extends YAMLMap.YAMLMap {
      constructor(schema) {
        super(schema);
        this.tag = _YAMLSet.tag;
      }
      add(key) {
        let pair;
        if (identity.isPair(key))
          pair = key;
        else if (key && typeof key === "object" && "key" in key && "value" in key && key.value === null)
          pair = new Pair.Pair(key.key, null);
        else
          pair = new Pair.Pair(key, null);
        const prev = YAMLMap.findPair(this.items, pair.key);
        if (!prev)
          this.items.push(pair);
      }
      /**
       * If `keepPair` is `true`, returns the Pair matching `key`.
       * Otherwise, returns the value of that Pair's key.
       */
      get(key, keepPair) {
        const pair = YAMLMap.findPair(this.items, key);
        return !keepPair && identity.isPair(pair) ? identity.isScalar(pair.key) ? pair.key.value : pair.key : pair;
      }
      set(key, value) {
        if (typeof value !== "boolean")
          throw new Error(`Expected boolean value for set(key, value) in a YAML set, not ${typeof value}`);
        const prev = YAMLMap.findPair(this.items, key);
        if (prev && !value) {
          this.items.splice(this.items.indexOf(prev), 1);
        } else if (!prev && value) {
          this.items.push(new Pair.Pair(key));
        }
      }
      toJSON(_, ctx) {
        return super.toJSON(_, ctx, Set);
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        if (this.hasAllNullValues(true))
          return super.toString(Object.assign({}, ctx, { allNullValues: true }), onComment, onChompKeep);
        else
          throw new Error("Set items must all have null values");
      }
      static from(schema, iterable, ctx) {
        const { replacer } = ctx;
        const set2 = new this(schema);
        if (iterable && Symbol.iterator in Object(iterable))
          for (let value of iterable) {
            if (typeof replacer === "function")
              value = replacer.call(iterable, value, value);
            set2.items.push(Pair.createPair(value, null, ctx));
          }
        return set2;
      }
    };
    YAMLSet.tag = "tag:yaml.org,2002:set";
    var set = {
      collection: "map",
      identify: (value) => value instanceof Set,
      nodeClass: YAMLSet,
      default: false,
      tag: "tag:yaml.org,2002:set",
      createNode: (schema, iterable, ctx) => YAMLSet.from(schema, iterable, ctx),
      resolve(map, onError) {
        if (identity.isMap(map)) {
          if (map.hasAllNullValues(true))
            return Object.assign(new YAMLSet(), map);
          else
            onError("Set items must all have null values");
        } else
          onError("Expected a mapping for this tag");
        return map;
      }
    };
    exports.YAMLSet = YAMLSet;
    exports.set = set;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/timestamp.js
var require_timestamp = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/timestamp.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    function parseSexagesimal(str, asBigInt) {
      const sign2 = str[0];
      const parts = sign2 === "-" || sign2 === "+" ? str.substring(1) : str;
      const num = (n) => asBigInt ? BigInt(n) : Number(n);
      const res = parts.replace(/_/g, "").split(":").reduce((res2, p) => res2 * num(60) + num(p), num(0));
      return sign2 === "-" ? num(-1) * res : res;
    }
    function stringifySexagesimal(node) {
      let { value } = node;
      let num = (n) => n;
      if (typeof value === "bigint")
        num = (n) => BigInt(n);
      else if (isNaN(value) || !isFinite(value))
        return stringifyNumber.stringifyNumber(node);
      let sign2 = "";
      if (value < 0) {
        sign2 = "-";
        value *= num(-1);
      }
      const _60 = num(60);
      const parts = [value % _60];
      if (value < 60) {
        parts.unshift(0);
      } else {
        value = (value - parts[0]) / _60;
        parts.unshift(value % _60);
        if (value >= 60) {
          value = (value - parts[0]) / _60;
          parts.unshift(value);
        }
      }
      return sign2 + parts.map((n) => String(n).padStart(2, "0")).join(":").replace(/000000\d*$/, "");
    }
    var intTime = {
      identify: (value) => typeof value === "bigint" || Number.isInteger(value),
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "TIME",
      test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/,
      resolve: (str, _onError, { intAsBigInt }) => parseSexagesimal(str, intAsBigInt),
      stringify: stringifySexagesimal
    };
    var floatTime = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "TIME",
      test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,
      resolve: (str) => parseSexagesimal(str, false),
      stringify: stringifySexagesimal
    };
    var timestamp = {
      identify: (value) => value instanceof Date,
      default: true,
      tag: "tag:yaml.org,2002:timestamp",
      // If the time zone is omitted, the timestamp is assumed to be specified in UTC. The time part
      // may be omitted altogether, resulting in a date format. In such a case, the time part is
      // assumed to be 00:00:00Z (start of day, UTC).
      test: RegExp("^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:(?:t|T|[ \\t]+)([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\\.[0-9]+)?)(?:[ \\t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?)?$"),
      resolve(str) {
        const match = str.match(timestamp.test);
        if (!match)
          throw new Error("!!timestamp expects a date, starting with yyyy-mm-dd");
        const [, year, month, day, hour, minute, second] = match.map(Number);
        const millisec = match[7] ? Number((match[7] + "00").substr(1, 3)) : 0;
        let date = Date.UTC(year, month - 1, day, hour || 0, minute || 0, second || 0, millisec);
        const tz = match[8];
        if (tz && tz !== "Z") {
          let d = parseSexagesimal(tz, false);
          if (Math.abs(d) < 30)
            d *= 60;
          date -= 6e4 * d;
        }
        return new Date(date);
      },
      stringify: ({ value }) => value?.toISOString().replace(/(T00:00:00)?\.000Z$/, "") ?? ""
    };
    exports.floatTime = floatTime;
    exports.intTime = intTime;
    exports.timestamp = timestamp;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/schema.js
var require_schema3 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/schema.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var binary = require_binary();
    var bool = require_bool2();
    var float = require_float2();
    var int = require_int2();
    var merge = require_merge();
    var omap = require_omap();
    var pairs = require_pairs();
    var set = require_set();
    var timestamp = require_timestamp();
    var schema = [
      map.map,
      seq.seq,
      string.string,
      _null.nullTag,
      bool.trueTag,
      bool.falseTag,
      int.intBin,
      int.intOct,
      int.int,
      int.intHex,
      float.floatNaN,
      float.floatExp,
      float.float,
      binary.binary,
      merge.merge,
      omap.omap,
      pairs.pairs,
      set.set,
      timestamp.intTime,
      timestamp.floatTime,
      timestamp.timestamp
    ];
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/tags.js
var require_tags = __commonJS({
  "node_modules/yaml/dist/schema/tags.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var bool = require_bool();
    var float = require_float();
    var int = require_int();
    var schema = require_schema();
    var schema$1 = require_schema2();
    var binary = require_binary();
    var merge = require_merge();
    var omap = require_omap();
    var pairs = require_pairs();
    var schema$2 = require_schema3();
    var set = require_set();
    var timestamp = require_timestamp();
    var schemas = /* @__PURE__ */ new Map([
      ["core", schema.schema],
      ["failsafe", [map.map, seq.seq, string.string]],
      ["json", schema$1.schema],
      ["yaml11", schema$2.schema],
      ["yaml-1.1", schema$2.schema]
    ]);
    var tagsByName = {
      binary: binary.binary,
      bool: bool.boolTag,
      float: float.float,
      floatExp: float.floatExp,
      floatNaN: float.floatNaN,
      floatTime: timestamp.floatTime,
      int: int.int,
      intHex: int.intHex,
      intOct: int.intOct,
      intTime: timestamp.intTime,
      map: map.map,
      merge: merge.merge,
      null: _null.nullTag,
      omap: omap.omap,
      pairs: pairs.pairs,
      seq: seq.seq,
      set: set.set,
      timestamp: timestamp.timestamp
    };
    var coreKnownTags = {
      "tag:yaml.org,2002:binary": binary.binary,
      "tag:yaml.org,2002:merge": merge.merge,
      "tag:yaml.org,2002:omap": omap.omap,
      "tag:yaml.org,2002:pairs": pairs.pairs,
      "tag:yaml.org,2002:set": set.set,
      "tag:yaml.org,2002:timestamp": timestamp.timestamp
    };
    function getTags(customTags, schemaName, addMergeTag) {
      const schemaTags = schemas.get(schemaName);
      if (schemaTags && !customTags) {
        return addMergeTag && !schemaTags.includes(merge.merge) ? schemaTags.concat(merge.merge) : schemaTags.slice();
      }
      let tags = schemaTags;
      if (!tags) {
        if (Array.isArray(customTags))
          tags = [];
        else {
          const keys = Array.from(schemas.keys()).filter((key) => key !== "yaml11").map((key) => JSON.stringify(key)).join(", ");
          throw new Error(`Unknown schema "${schemaName}"; use one of ${keys} or define customTags array`);
        }
      }
      if (Array.isArray(customTags)) {
        for (const tag of customTags)
          tags = tags.concat(tag);
      } else if (typeof customTags === "function") {
        tags = customTags(tags.slice());
      }
      if (addMergeTag)
        tags = tags.concat(merge.merge);
      return tags.reduce((tags2, tag) => {
        const tagObj = typeof tag === "string" ? tagsByName[tag] : tag;
        if (!tagObj) {
          const tagName = JSON.stringify(tag);
          const keys = Object.keys(tagsByName).map((key) => JSON.stringify(key)).join(", ");
          throw new Error(`Unknown custom tag ${tagName}; use one of ${keys}`);
        }
        if (!tags2.includes(tagObj))
          tags2.push(tagObj);
        return tags2;
      }, []);
    }
    exports.coreKnownTags = coreKnownTags;
    exports.getTags = getTags;
  }
});

// node_modules/yaml/dist/schema/Schema.js
var require_Schema = __commonJS({
  "node_modules/yaml/dist/schema/Schema.js"(exports) {
    "use strict";
    var identity = require_identity();
    var map = require_map();
    var seq = require_seq();
    var string = require_string();
    var tags = require_tags();
    var sortMapEntriesByKey = (a, b) => a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
    var Schema = class _Schema {
      constructor({ compat, customTags, merge, resolveKnownTags, schema, sortMapEntries, toStringDefaults }) {
        this.compat = Array.isArray(compat) ? tags.getTags(compat, "compat") : compat ? tags.getTags(null, compat) : null;
        this.name = typeof schema === "string" && schema || "core";
        this.knownTags = resolveKnownTags ? tags.coreKnownTags : {};
        this.tags = tags.getTags(customTags, this.name, merge);
        this.toStringOptions = toStringDefaults ?? null;
        Object.defineProperty(this, identity.MAP, { value: map.map });
        Object.defineProperty(this, identity.SCALAR, { value: string.string });
        Object.defineProperty(this, identity.SEQ, { value: seq.seq });
        this.sortMapEntries = typeof sortMapEntries === "function" ? sortMapEntries : sortMapEntries === true ? sortMapEntriesByKey : null;
      }
      clone() {
        const copy = Object.create(_Schema.prototype, Object.getOwnPropertyDescriptors(this));
        copy.tags = this.tags.slice();
        return copy;
      }
    };
    exports.Schema = Schema;
  }
});

// node_modules/yaml/dist/stringify/stringifyDocument.js
var require_stringifyDocument = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyDocument.js"(exports) {
    "use strict";
    var identity = require_identity();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyDocument(doc, options) {
      const lines = [];
      let hasDirectives = options.directives === true;
      if (options.directives !== false && doc.directives) {
        const dir = doc.directives.toString(doc);
        if (dir) {
          lines.push(dir);
          hasDirectives = true;
        } else if (doc.directives.docStart)
          hasDirectives = true;
      }
      if (hasDirectives)
        lines.push("---");
      const ctx = stringify.createStringifyContext(doc, options);
      const { commentString } = ctx.options;
      if (doc.commentBefore) {
        if (lines.length !== 1)
          lines.unshift("");
        const cs = commentString(doc.commentBefore);
        lines.unshift(stringifyComment.indentComment(cs, ""));
      }
      let chompKeep = false;
      let contentComment = null;
      if (doc.contents) {
        if (identity.isNode(doc.contents)) {
          if (doc.contents.spaceBefore && hasDirectives)
            lines.push("");
          if (doc.contents.commentBefore) {
            const cs = commentString(doc.contents.commentBefore);
            lines.push(stringifyComment.indentComment(cs, ""));
          }
          ctx.forceBlockIndent = !!doc.comment;
          contentComment = doc.contents.comment;
        }
        const onChompKeep = contentComment ? void 0 : () => chompKeep = true;
        let body = stringify.stringify(doc.contents, ctx, () => contentComment = null, onChompKeep);
        if (contentComment)
          body += stringifyComment.lineComment(body, "", commentString(contentComment));
        if ((body[0] === "|" || body[0] === ">") && lines[lines.length - 1] === "---") {
          lines[lines.length - 1] = `--- ${body}`;
        } else
          lines.push(body);
      } else {
        lines.push(stringify.stringify(doc.contents, ctx));
      }
      if (doc.directives?.docEnd) {
        if (doc.comment) {
          const cs = commentString(doc.comment);
          if (cs.includes("\n")) {
            lines.push("...");
            lines.push(stringifyComment.indentComment(cs, ""));
          } else {
            lines.push(`... ${cs}`);
          }
        } else {
          lines.push("...");
        }
      } else {
        let dc = doc.comment;
        if (dc && chompKeep)
          dc = dc.replace(/^\n+/, "");
        if (dc) {
          if ((!chompKeep || contentComment) && lines[lines.length - 1] !== "")
            lines.push("");
          lines.push(stringifyComment.indentComment(commentString(dc), ""));
        }
      }
      return lines.join("\n") + "\n";
    }
    exports.stringifyDocument = stringifyDocument;
  }
});

// node_modules/yaml/dist/doc/Document.js
var require_Document = __commonJS({
  "node_modules/yaml/dist/doc/Document.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var Collection = require_Collection();
    var identity = require_identity();
    var Pair = require_Pair();
    var toJS = require_toJS();
    var Schema = require_Schema();
    var stringifyDocument = require_stringifyDocument();
    var anchors = require_anchors();
    var applyReviver = require_applyReviver();
    var createNode = require_createNode();
    var directives = require_directives();
    var Document = class _Document {
      constructor(value, replacer, options) {
        this.commentBefore = null;
        this.comment = null;
        this.errors = [];
        this.warnings = [];
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.DOC });
        let _replacer = null;
        if (typeof replacer === "function" || Array.isArray(replacer)) {
          _replacer = replacer;
        } else if (options === void 0 && replacer) {
          options = replacer;
          replacer = void 0;
        }
        const opt = Object.assign({
          intAsBigInt: false,
          keepSourceTokens: false,
          logLevel: "warn",
          prettyErrors: true,
          strict: true,
          stringKeys: false,
          uniqueKeys: true,
          version: "1.2"
        }, options);
        this.options = opt;
        let { version } = opt;
        if (options?._directives) {
          this.directives = options._directives.atDocument();
          if (this.directives.yaml.explicit)
            version = this.directives.yaml.version;
        } else
          this.directives = new directives.Directives({ version });
        this.setSchema(version, options);
        this.contents = value === void 0 ? null : this.createNode(value, _replacer, options);
      }
      /**
       * Create a deep copy of this Document and its contents.
       *
       * Custom Node values that inherit from `Object` still refer to their original instances.
       */
      clone() {
        const copy = Object.create(_Document.prototype, {
          [identity.NODE_TYPE]: { value: identity.DOC }
        });
        copy.commentBefore = this.commentBefore;
        copy.comment = this.comment;
        copy.errors = this.errors.slice();
        copy.warnings = this.warnings.slice();
        copy.options = Object.assign({}, this.options);
        if (this.directives)
          copy.directives = this.directives.clone();
        copy.schema = this.schema.clone();
        copy.contents = identity.isNode(this.contents) ? this.contents.clone(copy.schema) : this.contents;
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /** Adds a value to the document. */
      add(value) {
        if (assertCollection(this.contents))
          this.contents.add(value);
      }
      /** Adds a value to the document. */
      addIn(path, value) {
        if (assertCollection(this.contents))
          this.contents.addIn(path, value);
      }
      /**
       * Create a new `Alias` node, ensuring that the target `node` has the required anchor.
       *
       * If `node` already has an anchor, `name` is ignored.
       * Otherwise, the `node.anchor` value will be set to `name`,
       * or if an anchor with that name is already present in the document,
       * `name` will be used as a prefix for a new unique anchor.
       * If `name` is undefined, the generated anchor will use 'a' as a prefix.
       */
      createAlias(node, name) {
        if (!node.anchor) {
          const prev = anchors.anchorNames(this);
          node.anchor = // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
          !name || prev.has(name) ? anchors.findNewAnchor(name || "a", prev) : name;
        }
        return new Alias.Alias(node.anchor);
      }
      createNode(value, replacer, options) {
        let _replacer = void 0;
        if (typeof replacer === "function") {
          value = replacer.call({ "": value }, "", value);
          _replacer = replacer;
        } else if (Array.isArray(replacer)) {
          const keyToStr = (v) => typeof v === "number" || v instanceof String || v instanceof Number;
          const asStr = replacer.filter(keyToStr).map(String);
          if (asStr.length > 0)
            replacer = replacer.concat(asStr);
          _replacer = replacer;
        } else if (options === void 0 && replacer) {
          options = replacer;
          replacer = void 0;
        }
        const { aliasDuplicateObjects, anchorPrefix, flow, keepUndefined, onTagObj, tag } = options ?? {};
        const { onAnchor, setAnchors, sourceObjects } = anchors.createNodeAnchors(
          this,
          // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
          anchorPrefix || "a"
        );
        const ctx = {
          aliasDuplicateObjects: aliasDuplicateObjects ?? true,
          keepUndefined: keepUndefined ?? false,
          onAnchor,
          onTagObj,
          replacer: _replacer,
          schema: this.schema,
          sourceObjects
        };
        const node = createNode.createNode(value, tag, ctx);
        if (flow && identity.isCollection(node))
          node.flow = true;
        setAnchors();
        return node;
      }
      /**
       * Convert a key and a value into a `Pair` using the current schema,
       * recursively wrapping all values as `Scalar` or `Collection` nodes.
       */
      createPair(key, value, options = {}) {
        const k = this.createNode(key, null, options);
        const v = this.createNode(value, null, options);
        return new Pair.Pair(k, v);
      }
      /**
       * Removes a value from the document.
       * @returns `true` if the item was found and removed.
       */
      delete(key) {
        return assertCollection(this.contents) ? this.contents.delete(key) : false;
      }
      /**
       * Removes a value from the document.
       * @returns `true` if the item was found and removed.
       */
      deleteIn(path) {
        if (Collection.isEmptyPath(path)) {
          if (this.contents == null)
            return false;
          this.contents = null;
          return true;
        }
        return assertCollection(this.contents) ? this.contents.deleteIn(path) : false;
      }
      /**
       * Returns item at `key`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      get(key, keepScalar) {
        return identity.isCollection(this.contents) ? this.contents.get(key, keepScalar) : void 0;
      }
      /**
       * Returns item at `path`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      getIn(path, keepScalar) {
        if (Collection.isEmptyPath(path))
          return !keepScalar && identity.isScalar(this.contents) ? this.contents.value : this.contents;
        return identity.isCollection(this.contents) ? this.contents.getIn(path, keepScalar) : void 0;
      }
      /**
       * Checks if the document includes a value with the key `key`.
       */
      has(key) {
        return identity.isCollection(this.contents) ? this.contents.has(key) : false;
      }
      /**
       * Checks if the document includes a value at `path`.
       */
      hasIn(path) {
        if (Collection.isEmptyPath(path))
          return this.contents !== void 0;
        return identity.isCollection(this.contents) ? this.contents.hasIn(path) : false;
      }
      /**
       * Sets a value in this document. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      set(key, value) {
        if (this.contents == null) {
          this.contents = Collection.collectionFromPath(this.schema, [key], value);
        } else if (assertCollection(this.contents)) {
          this.contents.set(key, value);
        }
      }
      /**
       * Sets a value in this document. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      setIn(path, value) {
        if (Collection.isEmptyPath(path)) {
          this.contents = value;
        } else if (this.contents == null) {
          this.contents = Collection.collectionFromPath(this.schema, Array.from(path), value);
        } else if (assertCollection(this.contents)) {
          this.contents.setIn(path, value);
        }
      }
      /**
       * Change the YAML version and schema used by the document.
       * A `null` version disables support for directives, explicit tags, anchors, and aliases.
       * It also requires the `schema` option to be given as a `Schema` instance value.
       *
       * Overrides all previously set schema options.
       */
      setSchema(version, options = {}) {
        if (typeof version === "number")
          version = String(version);
        let opt;
        switch (version) {
          case "1.1":
            if (this.directives)
              this.directives.yaml.version = "1.1";
            else
              this.directives = new directives.Directives({ version: "1.1" });
            opt = { resolveKnownTags: false, schema: "yaml-1.1" };
            break;
          case "1.2":
          case "next":
            if (this.directives)
              this.directives.yaml.version = version;
            else
              this.directives = new directives.Directives({ version });
            opt = { resolveKnownTags: true, schema: "core" };
            break;
          case null:
            if (this.directives)
              delete this.directives;
            opt = null;
            break;
          default: {
            const sv = JSON.stringify(version);
            throw new Error(`Expected '1.1', '1.2' or null as first argument, but found: ${sv}`);
          }
        }
        if (options.schema instanceof Object)
          this.schema = options.schema;
        else if (opt)
          this.schema = new Schema.Schema(Object.assign(opt, options));
        else
          throw new Error(`With a null YAML version, the { schema: Schema } option is required`);
      }
      // json & jsonArg are only used from toJSON()
      toJS({ json, jsonArg, mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        const ctx = {
          anchors: /* @__PURE__ */ new Map(),
          doc: this,
          keep: !json,
          mapAsMap: mapAsMap === true,
          mapKeyWarned: false,
          maxAliasCount: typeof maxAliasCount === "number" ? maxAliasCount : 100
        };
        const res = toJS.toJS(this.contents, jsonArg ?? "", ctx);
        if (typeof onAnchor === "function")
          for (const { count, res: res2 } of ctx.anchors.values())
            onAnchor(res2, count);
        return typeof reviver === "function" ? applyReviver.applyReviver(reviver, { "": res }, "", res) : res;
      }
      /**
       * A JSON representation of the document `contents`.
       *
       * @param jsonArg Used by `JSON.stringify` to indicate the array index or
       *   property name.
       */
      toJSON(jsonArg, onAnchor) {
        return this.toJS({ json: true, jsonArg, mapAsMap: false, onAnchor });
      }
      /** A YAML representation of the document. */
      toString(options = {}) {
        if (this.errors.length > 0)
          throw new Error("Document with errors cannot be stringified");
        if ("indent" in options && (!Number.isInteger(options.indent) || Number(options.indent) <= 0)) {
          const s = JSON.stringify(options.indent);
          throw new Error(`"indent" option must be a positive integer, not ${s}`);
        }
        return stringifyDocument.stringifyDocument(this, options);
      }
    };
    function assertCollection(contents) {
      if (identity.isCollection(contents))
        return true;
      throw new Error("Expected a YAML collection as document contents");
    }
    exports.Document = Document;
  }
});

// node_modules/yaml/dist/errors.js
var require_errors = __commonJS({
  "node_modules/yaml/dist/errors.js"(exports) {
    "use strict";
    var YAMLError = class extends Error {
      constructor(name, pos, code, message) {
        super();
        this.name = name;
        this.code = code;
        this.message = message;
        this.pos = pos;
      }
    };
    var YAMLParseError = class extends YAMLError {
      constructor(pos, code, message) {
        super("YAMLParseError", pos, code, message);
      }
    };
    var YAMLWarning = class extends YAMLError {
      constructor(pos, code, message) {
        super("YAMLWarning", pos, code, message);
      }
    };
    var prettifyError = (src, lc) => (error) => {
      if (error.pos[0] === -1)
        return;
      error.linePos = error.pos.map((pos) => lc.linePos(pos));
      const { line, col } = error.linePos[0];
      error.message += ` at line ${line}, column ${col}`;
      let ci = col - 1;
      let lineStr = src.substring(lc.lineStarts[line - 1], lc.lineStarts[line]).replace(/[\n\r]+$/, "");
      if (ci >= 60 && lineStr.length > 80) {
        const trimStart = Math.min(ci - 39, lineStr.length - 79);
        lineStr = "…" + lineStr.substring(trimStart);
        ci -= trimStart - 1;
      }
      if (lineStr.length > 80)
        lineStr = lineStr.substring(0, 79) + "…";
      if (line > 1 && /^ *$/.test(lineStr.substring(0, ci))) {
        let prev = src.substring(lc.lineStarts[line - 2], lc.lineStarts[line - 1]);
        if (prev.length > 80)
          prev = prev.substring(0, 79) + "…\n";
        lineStr = prev + lineStr;
      }
      if (/[^ ]/.test(lineStr)) {
        let count = 1;
        const end = error.linePos[1];
        if (end?.line === line && end.col > col) {
          count = Math.max(1, Math.min(end.col - col, 80 - ci));
        }
        const pointer = " ".repeat(ci) + "^".repeat(count);
        error.message += `:

${lineStr}
${pointer}
`;
      }
    };
    exports.YAMLError = YAMLError;
    exports.YAMLParseError = YAMLParseError;
    exports.YAMLWarning = YAMLWarning;
    exports.prettifyError = prettifyError;
  }
});

// node_modules/yaml/dist/compose/resolve-props.js
var require_resolve_props = __commonJS({
  "node_modules/yaml/dist/compose/resolve-props.js"(exports) {
    "use strict";
    function resolveProps(tokens, { flow, indicator, next, offset, onError, parentIndent, startOnNewline }) {
      let spaceBefore = false;
      let atNewline = startOnNewline;
      let hasSpace = startOnNewline;
      let comment = "";
      let commentSep = "";
      let hasNewline = false;
      let reqSpace = false;
      let tab = null;
      let anchor = null;
      let tag = null;
      let newlineAfterProp = null;
      let comma = null;
      let found = null;
      let start = null;
      for (const token of tokens) {
        if (reqSpace) {
          if (token.type !== "space" && token.type !== "newline" && token.type !== "comma")
            onError(token.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space");
          reqSpace = false;
        }
        if (tab) {
          if (atNewline && token.type !== "comment" && token.type !== "newline") {
            onError(tab, "TAB_AS_INDENT", "Tabs are not allowed as indentation");
          }
          tab = null;
        }
        switch (token.type) {
          case "space":
            if (!flow && (indicator !== "doc-start" || next?.type !== "flow-collection") && token.source.includes("	")) {
              tab = token;
            }
            hasSpace = true;
            break;
          case "comment": {
            if (!hasSpace)
              onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
            const cb = token.source.substring(1) || " ";
            if (!comment)
              comment = cb;
            else
              comment += commentSep + cb;
            commentSep = "";
            atNewline = false;
            break;
          }
          case "newline":
            if (atNewline) {
              if (comment)
                comment += token.source;
              else if (!found || indicator !== "seq-item-ind")
                spaceBefore = true;
            } else
              commentSep += token.source;
            atNewline = true;
            hasNewline = true;
            if (anchor || tag)
              newlineAfterProp = token;
            hasSpace = true;
            break;
          case "anchor":
            if (anchor)
              onError(token, "MULTIPLE_ANCHORS", "A node can have at most one anchor");
            if (token.source.endsWith(":"))
              onError(token.offset + token.source.length - 1, "BAD_ALIAS", "Anchor ending in : is ambiguous", true);
            anchor = token;
            start ?? (start = token.offset);
            atNewline = false;
            hasSpace = false;
            reqSpace = true;
            break;
          case "tag": {
            if (tag)
              onError(token, "MULTIPLE_TAGS", "A node can have at most one tag");
            tag = token;
            start ?? (start = token.offset);
            atNewline = false;
            hasSpace = false;
            reqSpace = true;
            break;
          }
          case indicator:
            if (anchor || tag)
              onError(token, "BAD_PROP_ORDER", `Anchors and tags must be after the ${token.source} indicator`);
            if (found)
              onError(token, "UNEXPECTED_TOKEN", `Unexpected ${token.source} in ${flow ?? "collection"}`);
            found = token;
            atNewline = indicator === "seq-item-ind" || indicator === "explicit-key-ind";
            hasSpace = false;
            break;
          case "comma":
            if (flow) {
              if (comma)
                onError(token, "UNEXPECTED_TOKEN", `Unexpected , in ${flow}`);
              comma = token;
              atNewline = false;
              hasSpace = false;
              break;
            }
          // else fallthrough
          default:
            onError(token, "UNEXPECTED_TOKEN", `Unexpected ${token.type} token`);
            atNewline = false;
            hasSpace = false;
        }
      }
      const last = tokens[tokens.length - 1];
      const end = last ? last.offset + last.source.length : offset;
      if (reqSpace && next && next.type !== "space" && next.type !== "newline" && next.type !== "comma" && (next.type !== "scalar" || next.source !== "")) {
        onError(next.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space");
      }
      if (tab && (atNewline && tab.indent <= parentIndent || next?.type === "block-map" || next?.type === "block-seq"))
        onError(tab, "TAB_AS_INDENT", "Tabs are not allowed as indentation");
      return {
        comma,
        found,
        spaceBefore,
        comment,
        hasNewline,
        anchor,
        tag,
        newlineAfterProp,
        end,
        start: start ?? end
      };
    }
    exports.resolveProps = resolveProps;
  }
});

// node_modules/yaml/dist/compose/util-contains-newline.js
var require_util_contains_newline = __commonJS({
  "node_modules/yaml/dist/compose/util-contains-newline.js"(exports) {
    "use strict";
    function containsNewline(key) {
      if (!key)
        return null;
      switch (key.type) {
        case "alias":
        case "scalar":
        case "double-quoted-scalar":
        case "single-quoted-scalar":
          if (key.source.includes("\n"))
            return true;
          if (key.end) {
            for (const st of key.end)
              if (st.type === "newline")
                return true;
          }
          return false;
        case "flow-collection":
          for (const it of key.items) {
            for (const st of it.start)
              if (st.type === "newline")
                return true;
            if (it.sep) {
              for (const st of it.sep)
                if (st.type === "newline")
                  return true;
            }
            if (containsNewline(it.key) || containsNewline(it.value))
              return true;
          }
          return false;
        default:
          return true;
      }
    }
    exports.containsNewline = containsNewline;
  }
});

// node_modules/yaml/dist/compose/util-flow-indent-check.js
var require_util_flow_indent_check = __commonJS({
  "node_modules/yaml/dist/compose/util-flow-indent-check.js"(exports) {
    "use strict";
    var utilContainsNewline = require_util_contains_newline();
    function flowIndentCheck(indent, fc, onError) {
      if (fc?.type === "flow-collection") {
        const end = fc.end[0];
        if (end.indent === indent && (end.source === "]" || end.source === "}") && utilContainsNewline.containsNewline(fc)) {
          const msg = "Flow end indicator should be more indented than parent";
          onError(end, "BAD_INDENT", msg, true);
        }
      }
    }
    exports.flowIndentCheck = flowIndentCheck;
  }
});

// node_modules/yaml/dist/compose/util-map-includes.js
var require_util_map_includes = __commonJS({
  "node_modules/yaml/dist/compose/util-map-includes.js"(exports) {
    "use strict";
    var identity = require_identity();
    function mapIncludes(ctx, items, search) {
      const { uniqueKeys } = ctx.options;
      if (uniqueKeys === false)
        return false;
      const isEqual = typeof uniqueKeys === "function" ? uniqueKeys : (a, b) => a === b || identity.isScalar(a) && identity.isScalar(b) && a.value === b.value;
      return items.some((pair) => isEqual(pair.key, search));
    }
    exports.mapIncludes = mapIncludes;
  }
});

// node_modules/yaml/dist/compose/resolve-block-map.js
var require_resolve_block_map = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-map.js"(exports) {
    "use strict";
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var resolveProps = require_resolve_props();
    var utilContainsNewline = require_util_contains_newline();
    var utilFlowIndentCheck = require_util_flow_indent_check();
    var utilMapIncludes = require_util_map_includes();
    var startColMsg = "All mapping items must start at the same column";
    function resolveBlockMap({ composeNode, composeEmptyNode }, ctx, bm, onError, tag) {
      const NodeClass = tag?.nodeClass ?? YAMLMap.YAMLMap;
      const map = new NodeClass(ctx.schema);
      if (ctx.atRoot)
        ctx.atRoot = false;
      let offset = bm.offset;
      let commentEnd = null;
      for (const collItem of bm.items) {
        const { start, key, sep: sep3, value } = collItem;
        const keyProps = resolveProps.resolveProps(start, {
          indicator: "explicit-key-ind",
          next: key ?? sep3?.[0],
          offset,
          onError,
          parentIndent: bm.indent,
          startOnNewline: true
        });
        const implicitKey = !keyProps.found;
        if (implicitKey) {
          if (key) {
            if (key.type === "block-seq")
              onError(offset, "BLOCK_AS_IMPLICIT_KEY", "A block sequence may not be used as an implicit map key");
            else if ("indent" in key && key.indent !== bm.indent)
              onError(offset, "BAD_INDENT", startColMsg);
          }
          if (!keyProps.anchor && !keyProps.tag && !sep3) {
            commentEnd = keyProps.end;
            if (keyProps.comment) {
              if (map.comment)
                map.comment += "\n" + keyProps.comment;
              else
                map.comment = keyProps.comment;
            }
            continue;
          }
          if (keyProps.newlineAfterProp || utilContainsNewline.containsNewline(key)) {
            onError(key ?? start[start.length - 1], "MULTILINE_IMPLICIT_KEY", "Implicit keys need to be on a single line");
          }
        } else if (keyProps.found?.indent !== bm.indent) {
          onError(offset, "BAD_INDENT", startColMsg);
        }
        ctx.atKey = true;
        const keyStart = keyProps.end;
        const keyNode = key ? composeNode(ctx, key, keyProps, onError) : composeEmptyNode(ctx, keyStart, start, null, keyProps, onError);
        if (ctx.schema.compat)
          utilFlowIndentCheck.flowIndentCheck(bm.indent, key, onError);
        ctx.atKey = false;
        if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
          onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
        const valueProps = resolveProps.resolveProps(sep3 ?? [], {
          indicator: "map-value-ind",
          next: value,
          offset: keyNode.range[2],
          onError,
          parentIndent: bm.indent,
          startOnNewline: !key || key.type === "block-scalar"
        });
        offset = valueProps.end;
        if (valueProps.found) {
          if (implicitKey) {
            if (value?.type === "block-map" && !valueProps.hasNewline)
              onError(offset, "BLOCK_AS_IMPLICIT_KEY", "Nested mappings are not allowed in compact mappings");
            if (ctx.options.strict && keyProps.start < valueProps.found.offset - 1024)
              onError(keyNode.range, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit block mapping key");
          }
          const valueNode = value ? composeNode(ctx, value, valueProps, onError) : composeEmptyNode(ctx, offset, sep3, null, valueProps, onError);
          if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bm.indent, value, onError);
          offset = valueNode.range[2];
          const pair = new Pair.Pair(keyNode, valueNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          map.items.push(pair);
        } else {
          if (implicitKey)
            onError(keyNode.range, "MISSING_CHAR", "Implicit map keys need to be followed by map values");
          if (valueProps.comment) {
            if (keyNode.comment)
              keyNode.comment += "\n" + valueProps.comment;
            else
              keyNode.comment = valueProps.comment;
          }
          const pair = new Pair.Pair(keyNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          map.items.push(pair);
        }
      }
      if (commentEnd && commentEnd < offset)
        onError(commentEnd, "IMPOSSIBLE", "Map comment with trailing content");
      map.range = [bm.offset, offset, commentEnd ?? offset];
      return map;
    }
    exports.resolveBlockMap = resolveBlockMap;
  }
});

// node_modules/yaml/dist/compose/resolve-block-seq.js
var require_resolve_block_seq = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-seq.js"(exports) {
    "use strict";
    var YAMLSeq = require_YAMLSeq();
    var resolveProps = require_resolve_props();
    var utilFlowIndentCheck = require_util_flow_indent_check();
    function resolveBlockSeq({ composeNode, composeEmptyNode }, ctx, bs, onError, tag) {
      const NodeClass = tag?.nodeClass ?? YAMLSeq.YAMLSeq;
      const seq = new NodeClass(ctx.schema);
      if (ctx.atRoot)
        ctx.atRoot = false;
      if (ctx.atKey)
        ctx.atKey = false;
      let offset = bs.offset;
      let commentEnd = null;
      for (const { start, value } of bs.items) {
        const props = resolveProps.resolveProps(start, {
          indicator: "seq-item-ind",
          next: value,
          offset,
          onError,
          parentIndent: bs.indent,
          startOnNewline: true
        });
        if (!props.found) {
          if (props.anchor || props.tag || value) {
            if (value?.type === "block-seq")
              onError(props.end, "BAD_INDENT", "All sequence items must start at the same column");
            else
              onError(offset, "MISSING_CHAR", "Sequence item without - indicator");
          } else {
            commentEnd = props.end;
            if (props.comment)
              seq.comment = props.comment;
            continue;
          }
        }
        const node = value ? composeNode(ctx, value, props, onError) : composeEmptyNode(ctx, props.end, start, null, props, onError);
        if (ctx.schema.compat)
          utilFlowIndentCheck.flowIndentCheck(bs.indent, value, onError);
        offset = node.range[2];
        seq.items.push(node);
      }
      seq.range = [bs.offset, offset, commentEnd ?? offset];
      return seq;
    }
    exports.resolveBlockSeq = resolveBlockSeq;
  }
});

// node_modules/yaml/dist/compose/resolve-end.js
var require_resolve_end = __commonJS({
  "node_modules/yaml/dist/compose/resolve-end.js"(exports) {
    "use strict";
    function resolveEnd(end, offset, reqSpace, onError) {
      let comment = "";
      if (end) {
        let hasSpace = false;
        let sep3 = "";
        for (const token of end) {
          const { source, type } = token;
          switch (type) {
            case "space":
              hasSpace = true;
              break;
            case "comment": {
              if (reqSpace && !hasSpace)
                onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
              const cb = source.substring(1) || " ";
              if (!comment)
                comment = cb;
              else
                comment += sep3 + cb;
              sep3 = "";
              break;
            }
            case "newline":
              if (comment)
                sep3 += source;
              hasSpace = true;
              break;
            default:
              onError(token, "UNEXPECTED_TOKEN", `Unexpected ${type} at node end`);
          }
          offset += source.length;
        }
      }
      return { comment, offset };
    }
    exports.resolveEnd = resolveEnd;
  }
});

// node_modules/yaml/dist/compose/resolve-flow-collection.js
var require_resolve_flow_collection = __commonJS({
  "node_modules/yaml/dist/compose/resolve-flow-collection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var resolveEnd = require_resolve_end();
    var resolveProps = require_resolve_props();
    var utilContainsNewline = require_util_contains_newline();
    var utilMapIncludes = require_util_map_includes();
    var blockMsg = "Block collections are not allowed within flow collections";
    var isBlock = (token) => token && (token.type === "block-map" || token.type === "block-seq");
    function resolveFlowCollection({ composeNode, composeEmptyNode }, ctx, fc, onError, tag) {
      const isMap3 = fc.start.source === "{";
      const fcName = isMap3 ? "flow map" : "flow sequence";
      const NodeClass = tag?.nodeClass ?? (isMap3 ? YAMLMap.YAMLMap : YAMLSeq.YAMLSeq);
      const coll = new NodeClass(ctx.schema);
      coll.flow = true;
      const atRoot = ctx.atRoot;
      if (atRoot)
        ctx.atRoot = false;
      if (ctx.atKey)
        ctx.atKey = false;
      let offset = fc.offset + fc.start.source.length;
      for (let i = 0; i < fc.items.length; ++i) {
        const collItem = fc.items[i];
        const { start, key, sep: sep3, value } = collItem;
        const props = resolveProps.resolveProps(start, {
          flow: fcName,
          indicator: "explicit-key-ind",
          next: key ?? sep3?.[0],
          offset,
          onError,
          parentIndent: fc.indent,
          startOnNewline: false
        });
        if (!props.found) {
          if (!props.anchor && !props.tag && !sep3 && !value) {
            if (i === 0 && props.comma)
              onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
            else if (i < fc.items.length - 1)
              onError(props.start, "UNEXPECTED_TOKEN", `Unexpected empty item in ${fcName}`);
            if (props.comment) {
              if (coll.comment)
                coll.comment += "\n" + props.comment;
              else
                coll.comment = props.comment;
            }
            offset = props.end;
            continue;
          }
          if (!isMap3 && ctx.options.strict && utilContainsNewline.containsNewline(key))
            onError(
              key,
              // checked by containsNewline()
              "MULTILINE_IMPLICIT_KEY",
              "Implicit keys of flow sequence pairs need to be on a single line"
            );
        }
        if (i === 0) {
          if (props.comma)
            onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
        } else {
          if (!props.comma)
            onError(props.start, "MISSING_CHAR", `Missing , between ${fcName} items`);
          if (props.comment) {
            let prevItemComment = "";
            loop: for (const st of start) {
              switch (st.type) {
                case "comma":
                case "space":
                  break;
                case "comment":
                  prevItemComment = st.source.substring(1);
                  break loop;
                default:
                  break loop;
              }
            }
            if (prevItemComment) {
              let prev = coll.items[coll.items.length - 1];
              if (identity.isPair(prev))
                prev = prev.value ?? prev.key;
              if (prev.comment)
                prev.comment += "\n" + prevItemComment;
              else
                prev.comment = prevItemComment;
              props.comment = props.comment.substring(prevItemComment.length + 1);
            }
          }
        }
        if (!isMap3 && !sep3 && !props.found) {
          const valueNode = value ? composeNode(ctx, value, props, onError) : composeEmptyNode(ctx, props.end, sep3, null, props, onError);
          coll.items.push(valueNode);
          offset = valueNode.range[2];
          if (isBlock(value))
            onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
        } else {
          ctx.atKey = true;
          const keyStart = props.end;
          const keyNode = key ? composeNode(ctx, key, props, onError) : composeEmptyNode(ctx, keyStart, start, null, props, onError);
          if (isBlock(key))
            onError(keyNode.range, "BLOCK_IN_FLOW", blockMsg);
          ctx.atKey = false;
          const valueProps = resolveProps.resolveProps(sep3 ?? [], {
            flow: fcName,
            indicator: "map-value-ind",
            next: value,
            offset: keyNode.range[2],
            onError,
            parentIndent: fc.indent,
            startOnNewline: false
          });
          if (valueProps.found) {
            if (!isMap3 && !props.found && ctx.options.strict) {
              if (sep3)
                for (const st of sep3) {
                  if (st === valueProps.found)
                    break;
                  if (st.type === "newline") {
                    onError(st, "MULTILINE_IMPLICIT_KEY", "Implicit keys of flow sequence pairs need to be on a single line");
                    break;
                  }
                }
              if (props.start < valueProps.found.offset - 1024)
                onError(valueProps.found, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit flow sequence key");
            }
          } else if (value) {
            if ("source" in value && value.source?.[0] === ":")
              onError(value, "MISSING_CHAR", `Missing space after : in ${fcName}`);
            else
              onError(valueProps.start, "MISSING_CHAR", `Missing , or : between ${fcName} items`);
          }
          const valueNode = value ? composeNode(ctx, value, valueProps, onError) : valueProps.found ? composeEmptyNode(ctx, valueProps.end, sep3, null, valueProps, onError) : null;
          if (valueNode) {
            if (isBlock(value))
              onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
          } else if (valueProps.comment) {
            if (keyNode.comment)
              keyNode.comment += "\n" + valueProps.comment;
            else
              keyNode.comment = valueProps.comment;
          }
          const pair = new Pair.Pair(keyNode, valueNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          if (isMap3) {
            const map = coll;
            if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
              onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
            map.items.push(pair);
          } else {
            const map = new YAMLMap.YAMLMap(ctx.schema);
            map.flow = true;
            map.items.push(pair);
            const endRange = (valueNode ?? keyNode).range;
            map.range = [keyNode.range[0], endRange[1], endRange[2]];
            coll.items.push(map);
          }
          offset = valueNode ? valueNode.range[2] : valueProps.end;
        }
      }
      const expectedEnd = isMap3 ? "}" : "]";
      const [ce, ...ee] = fc.end;
      let cePos = offset;
      if (ce?.source === expectedEnd)
        cePos = ce.offset + ce.source.length;
      else {
        const name = fcName[0].toUpperCase() + fcName.substring(1);
        const msg = atRoot ? `${name} must end with a ${expectedEnd}` : `${name} in block collection must be sufficiently indented and end with a ${expectedEnd}`;
        onError(offset, atRoot ? "MISSING_CHAR" : "BAD_INDENT", msg);
        if (ce && ce.source.length !== 1)
          ee.unshift(ce);
      }
      if (ee.length > 0) {
        const end = resolveEnd.resolveEnd(ee, cePos, ctx.options.strict, onError);
        if (end.comment) {
          if (coll.comment)
            coll.comment += "\n" + end.comment;
          else
            coll.comment = end.comment;
        }
        coll.range = [fc.offset, cePos, end.offset];
      } else {
        coll.range = [fc.offset, cePos, cePos];
      }
      return coll;
    }
    exports.resolveFlowCollection = resolveFlowCollection;
  }
});

// node_modules/yaml/dist/compose/compose-collection.js
var require_compose_collection = __commonJS({
  "node_modules/yaml/dist/compose/compose-collection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var resolveBlockMap = require_resolve_block_map();
    var resolveBlockSeq = require_resolve_block_seq();
    var resolveFlowCollection = require_resolve_flow_collection();
    function resolveCollection(CN, ctx, token, onError, tagName, tag) {
      const coll = token.type === "block-map" ? resolveBlockMap.resolveBlockMap(CN, ctx, token, onError, tag) : token.type === "block-seq" ? resolveBlockSeq.resolveBlockSeq(CN, ctx, token, onError, tag) : resolveFlowCollection.resolveFlowCollection(CN, ctx, token, onError, tag);
      const Coll = coll.constructor;
      if (tagName === "!" || tagName === Coll.tagName) {
        coll.tag = Coll.tagName;
        return coll;
      }
      if (tagName)
        coll.tag = tagName;
      return coll;
    }
    function composeCollection(CN, ctx, token, props, onError) {
      const tagToken = props.tag;
      const tagName = !tagToken ? null : ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg));
      if (token.type === "block-seq") {
        const { anchor, newlineAfterProp: nl } = props;
        const lastProp = anchor && tagToken ? anchor.offset > tagToken.offset ? anchor : tagToken : anchor ?? tagToken;
        if (lastProp && (!nl || nl.offset < lastProp.offset)) {
          const message = "Missing newline after block sequence props";
          onError(lastProp, "MISSING_CHAR", message);
        }
      }
      const expType = token.type === "block-map" ? "map" : token.type === "block-seq" ? "seq" : token.start.source === "{" ? "map" : "seq";
      if (!tagToken || !tagName || tagName === "!" || tagName === YAMLMap.YAMLMap.tagName && expType === "map" || tagName === YAMLSeq.YAMLSeq.tagName && expType === "seq") {
        return resolveCollection(CN, ctx, token, onError, tagName);
      }
      let tag = ctx.schema.tags.find((t) => t.tag === tagName && t.collection === expType);
      if (!tag) {
        const kt = ctx.schema.knownTags[tagName];
        if (kt?.collection === expType) {
          ctx.schema.tags.push(Object.assign({}, kt, { default: false }));
          tag = kt;
        } else {
          if (kt) {
            onError(tagToken, "BAD_COLLECTION_TYPE", `${kt.tag} used for ${expType} collection, but expects ${kt.collection ?? "scalar"}`, true);
          } else {
            onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, true);
          }
          return resolveCollection(CN, ctx, token, onError, tagName);
        }
      }
      const coll = resolveCollection(CN, ctx, token, onError, tagName, tag);
      const res = tag.resolve?.(coll, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg), ctx.options) ?? coll;
      const node = identity.isNode(res) ? res : new Scalar.Scalar(res);
      node.range = coll.range;
      node.tag = tagName;
      if (tag?.format)
        node.format = tag.format;
      return node;
    }
    exports.composeCollection = composeCollection;
  }
});

// node_modules/yaml/dist/compose/resolve-block-scalar.js
var require_resolve_block_scalar = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-scalar.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    function resolveBlockScalar(ctx, scalar, onError) {
      const start = scalar.offset;
      const header = parseBlockScalarHeader(scalar, ctx.options.strict, onError);
      if (!header)
        return { value: "", type: null, comment: "", range: [start, start, start] };
      const type = header.mode === ">" ? Scalar.Scalar.BLOCK_FOLDED : Scalar.Scalar.BLOCK_LITERAL;
      const lines = scalar.source ? splitLines(scalar.source) : [];
      let chompStart = lines.length;
      for (let i = lines.length - 1; i >= 0; --i) {
        const content = lines[i][1];
        if (content === "" || content === "\r")
          chompStart = i;
        else
          break;
      }
      if (chompStart === 0) {
        const value2 = header.chomp === "+" && lines.length > 0 ? "\n".repeat(Math.max(1, lines.length - 1)) : "";
        let end2 = start + header.length;
        if (scalar.source)
          end2 += scalar.source.length;
        return { value: value2, type, comment: header.comment, range: [start, end2, end2] };
      }
      let trimIndent = scalar.indent + header.indent;
      let offset = scalar.offset + header.length;
      let contentStart = 0;
      for (let i = 0; i < chompStart; ++i) {
        const [indent, content] = lines[i];
        if (content === "" || content === "\r") {
          if (header.indent === 0 && indent.length > trimIndent)
            trimIndent = indent.length;
        } else {
          if (indent.length < trimIndent) {
            const message = "Block scalars with more-indented leading empty lines must use an explicit indentation indicator";
            onError(offset + indent.length, "MISSING_CHAR", message);
          }
          if (header.indent === 0)
            trimIndent = indent.length;
          contentStart = i;
          if (trimIndent === 0 && !ctx.atRoot) {
            const message = "Block scalar values in collections must be indented";
            onError(offset, "BAD_INDENT", message);
          }
          break;
        }
        offset += indent.length + content.length + 1;
      }
      for (let i = lines.length - 1; i >= chompStart; --i) {
        if (lines[i][0].length > trimIndent)
          chompStart = i + 1;
      }
      let value = "";
      let sep3 = "";
      let prevMoreIndented = false;
      for (let i = 0; i < contentStart; ++i)
        value += lines[i][0].slice(trimIndent) + "\n";
      for (let i = contentStart; i < chompStart; ++i) {
        let [indent, content] = lines[i];
        offset += indent.length + content.length + 1;
        const crlf = content[content.length - 1] === "\r";
        if (crlf)
          content = content.slice(0, -1);
        if (content && indent.length < trimIndent) {
          const src = header.indent ? "explicit indentation indicator" : "first line";
          const message = `Block scalar lines must not be less indented than their ${src}`;
          onError(offset - content.length - (crlf ? 2 : 1), "BAD_INDENT", message);
          indent = "";
        }
        if (type === Scalar.Scalar.BLOCK_LITERAL) {
          value += sep3 + indent.slice(trimIndent) + content;
          sep3 = "\n";
        } else if (indent.length > trimIndent || content[0] === "	") {
          if (sep3 === " ")
            sep3 = "\n";
          else if (!prevMoreIndented && sep3 === "\n")
            sep3 = "\n\n";
          value += sep3 + indent.slice(trimIndent) + content;
          sep3 = "\n";
          prevMoreIndented = true;
        } else if (content === "") {
          if (sep3 === "\n")
            value += "\n";
          else
            sep3 = "\n";
        } else {
          value += sep3 + content;
          sep3 = " ";
          prevMoreIndented = false;
        }
      }
      switch (header.chomp) {
        case "-":
          break;
        case "+":
          for (let i = chompStart; i < lines.length; ++i)
            value += "\n" + lines[i][0].slice(trimIndent);
          if (value[value.length - 1] !== "\n")
            value += "\n";
          break;
        default:
          value += "\n";
      }
      const end = start + header.length + scalar.source.length;
      return { value, type, comment: header.comment, range: [start, end, end] };
    }
    function parseBlockScalarHeader({ offset, props }, strict, onError) {
      if (props[0].type !== "block-scalar-header") {
        onError(props[0], "IMPOSSIBLE", "Block scalar header not found");
        return null;
      }
      const { source } = props[0];
      const mode = source[0];
      let indent = 0;
      let chomp = "";
      let error = -1;
      for (let i = 1; i < source.length; ++i) {
        const ch = source[i];
        if (!chomp && (ch === "-" || ch === "+"))
          chomp = ch;
        else {
          const n = Number(ch);
          if (!indent && n)
            indent = n;
          else if (error === -1)
            error = offset + i;
        }
      }
      if (error !== -1)
        onError(error, "UNEXPECTED_TOKEN", `Block scalar header includes extra characters: ${source}`);
      let hasSpace = false;
      let comment = "";
      let length = source.length;
      for (let i = 1; i < props.length; ++i) {
        const token = props[i];
        switch (token.type) {
          case "space":
            hasSpace = true;
          // fallthrough
          case "newline":
            length += token.source.length;
            break;
          case "comment":
            if (strict && !hasSpace) {
              const message = "Comments must be separated from other tokens by white space characters";
              onError(token, "MISSING_CHAR", message);
            }
            length += token.source.length;
            comment = token.source.substring(1);
            break;
          case "error":
            onError(token, "UNEXPECTED_TOKEN", token.message);
            length += token.source.length;
            break;
          /* istanbul ignore next should not happen */
          default: {
            const message = `Unexpected token in block scalar header: ${token.type}`;
            onError(token, "UNEXPECTED_TOKEN", message);
            const ts = token.source;
            if (ts && typeof ts === "string")
              length += ts.length;
          }
        }
      }
      return { mode, indent, chomp, comment, length };
    }
    function splitLines(source) {
      const split = source.split(/\n( *)/);
      const first = split[0];
      const m = first.match(/^( *)/);
      const line0 = m?.[1] ? [m[1], first.slice(m[1].length)] : ["", first];
      const lines = [line0];
      for (let i = 1; i < split.length; i += 2)
        lines.push([split[i], split[i + 1]]);
      return lines;
    }
    exports.resolveBlockScalar = resolveBlockScalar;
  }
});

// node_modules/yaml/dist/compose/resolve-flow-scalar.js
var require_resolve_flow_scalar = __commonJS({
  "node_modules/yaml/dist/compose/resolve-flow-scalar.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var resolveEnd = require_resolve_end();
    function resolveFlowScalar(scalar, strict, onError) {
      const { offset, type, source, end } = scalar;
      let _type;
      let value;
      const _onError = (rel, code, msg) => onError(offset + rel, code, msg);
      switch (type) {
        case "scalar":
          _type = Scalar.Scalar.PLAIN;
          value = plainValue(source, _onError);
          break;
        case "single-quoted-scalar":
          _type = Scalar.Scalar.QUOTE_SINGLE;
          value = singleQuotedValue(source, _onError);
          break;
        case "double-quoted-scalar":
          _type = Scalar.Scalar.QUOTE_DOUBLE;
          value = doubleQuotedValue(source, _onError);
          break;
        /* istanbul ignore next should not happen */
        default:
          onError(scalar, "UNEXPECTED_TOKEN", `Expected a flow scalar value, but found: ${type}`);
          return {
            value: "",
            type: null,
            comment: "",
            range: [offset, offset + source.length, offset + source.length]
          };
      }
      const valueEnd = offset + source.length;
      const re = resolveEnd.resolveEnd(end, valueEnd, strict, onError);
      return {
        value,
        type: _type,
        comment: re.comment,
        range: [offset, valueEnd, re.offset]
      };
    }
    function plainValue(source, onError) {
      let badChar = "";
      switch (source[0]) {
        /* istanbul ignore next should not happen */
        case "	":
          badChar = "a tab character";
          break;
        case ",":
          badChar = "flow indicator character ,";
          break;
        case "%":
          badChar = "directive indicator character %";
          break;
        case "|":
        case ">": {
          badChar = `block scalar indicator ${source[0]}`;
          break;
        }
        case "@":
        case "`": {
          badChar = `reserved character ${source[0]}`;
          break;
        }
      }
      if (badChar)
        onError(0, "BAD_SCALAR_START", `Plain value cannot start with ${badChar}`);
      return unfoldLines(source);
    }
    function singleQuotedValue(source, onError) {
      if (source[source.length - 1] !== "'" || source.length === 1)
        onError(source.length, "MISSING_CHAR", "Missing closing 'quote");
      return unfoldLines(source.slice(1, -1)).replace(/''/g, "'");
    }
    function unfoldLines(source) {
      const line = /(.*?)\r?\n/sy;
      let match = line.exec(source);
      if (!match)
        return source;
      let trimEnd, trimBoth;
      try {
        trimEnd = new RegExp("(?<![ 	])[ 	]+$");
        trimBoth = new RegExp("^[ 	]+|(?<![ 	])[ 	]+$", "g");
      } catch {
        trimEnd = /[ \t]+$/;
        trimBoth = /^[ \t]+|[ \t]+$/g;
      }
      let res = match[1].replace(trimEnd, "");
      let sep3 = " ";
      let pos = line.lastIndex;
      while (match = line.exec(source)) {
        const lm = match[1].replace(trimBoth, "");
        if (lm === "") {
          if (sep3 === "\n")
            res += sep3;
          else
            sep3 = "\n";
        } else {
          res += sep3 + lm;
          sep3 = " ";
        }
        pos = line.lastIndex;
      }
      const last = /[ \t]*(.*)/sy;
      last.lastIndex = pos;
      match = last.exec(source);
      return res + sep3 + (match?.[1] ?? "");
    }
    function doubleQuotedValue(source, onError) {
      let res = "";
      for (let i = 1; i < source.length - 1; ++i) {
        const ch = source[i];
        if (ch === "\r" && source[i + 1] === "\n")
          continue;
        if (ch === "\n") {
          const { fold, offset } = foldNewline(source, i);
          res += fold;
          i = offset;
        } else if (ch === "\\") {
          let next = source[++i];
          const cc = escapeCodes[next];
          if (cc)
            res += cc;
          else if (next === "\n") {
            next = source[i + 1];
            while (next === " " || next === "	")
              next = source[++i + 1];
          } else if (next === "\r" && source[i + 1] === "\n") {
            next = source[++i + 1];
            while (next === " " || next === "	")
              next = source[++i + 1];
          } else if (next === "x" || next === "u" || next === "U") {
            const length = next === "x" ? 2 : next === "u" ? 4 : 8;
            res += parseCharCode(source, i + 1, length, onError);
            i += length;
          } else {
            const raw = source.substr(i - 1, 2);
            onError(i - 1, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`);
            res += raw;
          }
        } else if (ch === " " || ch === "	") {
          const wsStart = i;
          let next = source[i + 1];
          while (next === " " || next === "	")
            next = source[++i + 1];
          if (next !== "\n" && !(next === "\r" && source[i + 2] === "\n"))
            res += i > wsStart ? source.slice(wsStart, i + 1) : ch;
        } else {
          res += ch;
        }
      }
      if (source[source.length - 1] !== '"' || source.length === 1)
        onError(source.length, "MISSING_CHAR", 'Missing closing "quote');
      return res;
    }
    function foldNewline(source, offset) {
      let fold = "";
      let ch = source[offset + 1];
      while (ch === " " || ch === "	" || ch === "\n" || ch === "\r") {
        if (ch === "\r" && source[offset + 2] !== "\n")
          break;
        if (ch === "\n")
          fold += "\n";
        offset += 1;
        ch = source[offset + 1];
      }
      if (!fold)
        fold = " ";
      return { fold, offset };
    }
    var escapeCodes = {
      "0": "\0",
      // null character
      a: "\x07",
      // bell character
      b: "\b",
      // backspace
      e: "\x1B",
      // escape character
      f: "\f",
      // form feed
      n: "\n",
      // line feed
      r: "\r",
      // carriage return
      t: "	",
      // horizontal tab
      v: "\v",
      // vertical tab
      N: "",
      // Unicode next line
      _: " ",
      // Unicode non-breaking space
      L: "\u2028",
      // Unicode line separator
      P: "\u2029",
      // Unicode paragraph separator
      " ": " ",
      '"': '"',
      "/": "/",
      "\\": "\\",
      "	": "	"
    };
    function parseCharCode(source, offset, length, onError) {
      const cc = source.substr(offset, length);
      const ok = cc.length === length && /^[0-9a-fA-F]+$/.test(cc);
      const code = ok ? parseInt(cc, 16) : NaN;
      try {
        return String.fromCodePoint(code);
      } catch {
        const raw = source.substr(offset - 2, length + 2);
        onError(offset - 2, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`);
        return raw;
      }
    }
    exports.resolveFlowScalar = resolveFlowScalar;
  }
});

// node_modules/yaml/dist/compose/compose-scalar.js
var require_compose_scalar = __commonJS({
  "node_modules/yaml/dist/compose/compose-scalar.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var resolveBlockScalar = require_resolve_block_scalar();
    var resolveFlowScalar = require_resolve_flow_scalar();
    function composeScalar(ctx, token, tagToken, onError) {
      const { value, type, comment, range } = token.type === "block-scalar" ? resolveBlockScalar.resolveBlockScalar(ctx, token, onError) : resolveFlowScalar.resolveFlowScalar(token, ctx.options.strict, onError);
      const tagName = tagToken ? ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg)) : null;
      let tag;
      if (ctx.options.stringKeys && ctx.atKey) {
        tag = ctx.schema[identity.SCALAR];
      } else if (tagName)
        tag = findScalarTagByName(ctx.schema, value, tagName, tagToken, onError);
      else if (token.type === "scalar")
        tag = findScalarTagByTest(ctx, value, token, onError);
      else
        tag = ctx.schema[identity.SCALAR];
      let scalar;
      try {
        const res = tag.resolve(value, (msg) => onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg), ctx.options);
        scalar = identity.isScalar(res) ? res : new Scalar.Scalar(res);
      } catch (error) {
        const msg = error instanceof Error ? error.message : String(error);
        onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg);
        scalar = new Scalar.Scalar(value);
      }
      scalar.range = range;
      scalar.source = value;
      if (type)
        scalar.type = type;
      if (tagName)
        scalar.tag = tagName;
      if (tag.format)
        scalar.format = tag.format;
      if (comment)
        scalar.comment = comment;
      return scalar;
    }
    function findScalarTagByName(schema, value, tagName, tagToken, onError) {
      if (tagName === "!")
        return schema[identity.SCALAR];
      const matchWithTest = [];
      for (const tag of schema.tags) {
        if (!tag.collection && tag.tag === tagName) {
          if (tag.default && tag.test)
            matchWithTest.push(tag);
          else
            return tag;
        }
      }
      for (const tag of matchWithTest)
        if (tag.test?.test(value))
          return tag;
      const kt = schema.knownTags[tagName];
      if (kt && !kt.collection) {
        schema.tags.push(Object.assign({}, kt, { default: false, test: void 0 }));
        return kt;
      }
      onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, tagName !== "tag:yaml.org,2002:str");
      return schema[identity.SCALAR];
    }
    function findScalarTagByTest({ atKey, directives, schema }, value, token, onError) {
      const tag = schema.tags.find((tag2) => (tag2.default === true || atKey && tag2.default === "key") && tag2.test?.test(value)) || schema[identity.SCALAR];
      if (schema.compat) {
        const compat = schema.compat.find((tag2) => tag2.default && tag2.test?.test(value)) ?? schema[identity.SCALAR];
        if (tag.tag !== compat.tag) {
          const ts = directives.tagString(tag.tag);
          const cs = directives.tagString(compat.tag);
          const msg = `Value may be parsed as either ${ts} or ${cs}`;
          onError(token, "TAG_RESOLVE_FAILED", msg, true);
        }
      }
      return tag;
    }
    exports.composeScalar = composeScalar;
  }
});

// node_modules/yaml/dist/compose/util-empty-scalar-position.js
var require_util_empty_scalar_position = __commonJS({
  "node_modules/yaml/dist/compose/util-empty-scalar-position.js"(exports) {
    "use strict";
    function emptyScalarPosition(offset, before, pos) {
      if (before) {
        pos ?? (pos = before.length);
        for (let i = pos - 1; i >= 0; --i) {
          let st = before[i];
          switch (st.type) {
            case "space":
            case "comment":
            case "newline":
              offset -= st.source.length;
              continue;
          }
          st = before[++i];
          while (st?.type === "space") {
            offset += st.source.length;
            st = before[++i];
          }
          break;
        }
      }
      return offset;
    }
    exports.emptyScalarPosition = emptyScalarPosition;
  }
});

// node_modules/yaml/dist/compose/compose-node.js
var require_compose_node = __commonJS({
  "node_modules/yaml/dist/compose/compose-node.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var identity = require_identity();
    var composeCollection = require_compose_collection();
    var composeScalar = require_compose_scalar();
    var resolveEnd = require_resolve_end();
    var utilEmptyScalarPosition = require_util_empty_scalar_position();
    var CN = { composeNode, composeEmptyNode };
    function composeNode(ctx, token, props, onError) {
      const atKey = ctx.atKey;
      const { spaceBefore, comment, anchor, tag } = props;
      let node;
      let isSrcToken = true;
      switch (token.type) {
        case "alias":
          node = composeAlias(ctx, token, onError);
          if (anchor || tag)
            onError(token, "ALIAS_PROPS", "An alias node must not specify any properties");
          break;
        case "scalar":
        case "single-quoted-scalar":
        case "double-quoted-scalar":
        case "block-scalar":
          node = composeScalar.composeScalar(ctx, token, tag, onError);
          if (anchor)
            node.anchor = anchor.source.substring(1);
          break;
        case "block-map":
        case "block-seq":
        case "flow-collection":
          try {
            node = composeCollection.composeCollection(CN, ctx, token, props, onError);
            if (anchor)
              node.anchor = anchor.source.substring(1);
          } catch (error) {
            const message = error instanceof Error ? error.message : String(error);
            onError(token, "RESOURCE_EXHAUSTION", message);
          }
          break;
        default: {
          const message = token.type === "error" ? token.message : `Unsupported token (type: ${token.type})`;
          onError(token, "UNEXPECTED_TOKEN", message);
          isSrcToken = false;
        }
      }
      node ?? (node = composeEmptyNode(ctx, token.offset, void 0, null, props, onError));
      if (anchor && node.anchor === "")
        onError(anchor, "BAD_ALIAS", "Anchor cannot be an empty string");
      if (atKey && ctx.options.stringKeys && (!identity.isScalar(node) || typeof node.value !== "string" || node.tag && node.tag !== "tag:yaml.org,2002:str")) {
        const msg = "With stringKeys, all keys must be strings";
        onError(tag ?? token, "NON_STRING_KEY", msg);
      }
      if (spaceBefore)
        node.spaceBefore = true;
      if (comment) {
        if (token.type === "scalar" && token.source === "")
          node.comment = comment;
        else
          node.commentBefore = comment;
      }
      if (ctx.options.keepSourceTokens && isSrcToken)
        node.srcToken = token;
      return node;
    }
    function composeEmptyNode(ctx, offset, before, pos, { spaceBefore, comment, anchor, tag, end }, onError) {
      const token = {
        type: "scalar",
        offset: utilEmptyScalarPosition.emptyScalarPosition(offset, before, pos),
        indent: -1,
        source: ""
      };
      const node = composeScalar.composeScalar(ctx, token, tag, onError);
      if (anchor) {
        node.anchor = anchor.source.substring(1);
        if (node.anchor === "")
          onError(anchor, "BAD_ALIAS", "Anchor cannot be an empty string");
      }
      if (spaceBefore)
        node.spaceBefore = true;
      if (comment) {
        node.comment = comment;
        node.range[2] = end;
      }
      return node;
    }
    function composeAlias({ options }, { offset, source, end }, onError) {
      const alias = new Alias.Alias(source.substring(1));
      if (alias.source === "")
        onError(offset, "BAD_ALIAS", "Alias cannot be an empty string");
      if (alias.source.endsWith(":"))
        onError(offset + source.length - 1, "BAD_ALIAS", "Alias ending in : is ambiguous", true);
      const valueEnd = offset + source.length;
      const re = resolveEnd.resolveEnd(end, valueEnd, options.strict, onError);
      alias.range = [offset, valueEnd, re.offset];
      if (re.comment)
        alias.comment = re.comment;
      return alias;
    }
    exports.composeEmptyNode = composeEmptyNode;
    exports.composeNode = composeNode;
  }
});

// node_modules/yaml/dist/compose/compose-doc.js
var require_compose_doc = __commonJS({
  "node_modules/yaml/dist/compose/compose-doc.js"(exports) {
    "use strict";
    var Document = require_Document();
    var composeNode = require_compose_node();
    var resolveEnd = require_resolve_end();
    var resolveProps = require_resolve_props();
    function composeDoc(options, directives, { offset, start, value, end }, onError) {
      const opts = Object.assign({ _directives: directives }, options);
      const doc = new Document.Document(void 0, opts);
      const ctx = {
        atKey: false,
        atRoot: true,
        directives: doc.directives,
        options: doc.options,
        schema: doc.schema
      };
      const props = resolveProps.resolveProps(start, {
        indicator: "doc-start",
        next: value ?? end?.[0],
        offset,
        onError,
        parentIndent: 0,
        startOnNewline: true
      });
      if (props.found) {
        doc.directives.docStart = true;
        if (value && (value.type === "block-map" || value.type === "block-seq") && !props.hasNewline)
          onError(props.end, "MISSING_CHAR", "Block collection cannot start on same line with directives-end marker");
      }
      doc.contents = value ? composeNode.composeNode(ctx, value, props, onError) : composeNode.composeEmptyNode(ctx, props.end, start, null, props, onError);
      const contentEnd = doc.contents.range[2];
      const re = resolveEnd.resolveEnd(end, contentEnd, false, onError);
      if (re.comment)
        doc.comment = re.comment;
      doc.range = [offset, contentEnd, re.offset];
      return doc;
    }
    exports.composeDoc = composeDoc;
  }
});

// node_modules/yaml/dist/compose/composer.js
var require_composer = __commonJS({
  "node_modules/yaml/dist/compose/composer.js"(exports) {
    "use strict";
    var node_process = __require("process");
    var directives = require_directives();
    var Document = require_Document();
    var errors = require_errors();
    var identity = require_identity();
    var composeDoc = require_compose_doc();
    var resolveEnd = require_resolve_end();
    function getErrorPos(src) {
      if (typeof src === "number")
        return [src, src + 1];
      if (Array.isArray(src))
        return src.length === 2 ? src : [src[0], src[1]];
      const { offset, source } = src;
      return [offset, offset + (typeof source === "string" ? source.length : 1)];
    }
    function parsePrelude(prelude) {
      let comment = "";
      let atComment = false;
      let afterEmptyLine = false;
      for (let i = 0; i < prelude.length; ++i) {
        const source = prelude[i];
        switch (source[0]) {
          case "#":
            comment += (comment === "" ? "" : afterEmptyLine ? "\n\n" : "\n") + (source.substring(1) || " ");
            atComment = true;
            afterEmptyLine = false;
            break;
          case "%":
            if (prelude[i + 1]?.[0] !== "#")
              i += 1;
            atComment = false;
            break;
          default:
            if (!atComment)
              afterEmptyLine = true;
            atComment = false;
        }
      }
      return { comment, afterEmptyLine };
    }
    var Composer = class {
      constructor(options = {}) {
        this.doc = null;
        this.atDirectives = false;
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
        this.onError = (source, code, message, warning) => {
          const pos = getErrorPos(source);
          if (warning)
            this.warnings.push(new errors.YAMLWarning(pos, code, message));
          else
            this.errors.push(new errors.YAMLParseError(pos, code, message));
        };
        this.directives = new directives.Directives({ version: options.version || "1.2" });
        this.options = options;
      }
      decorate(doc, afterDoc) {
        const { comment, afterEmptyLine } = parsePrelude(this.prelude);
        if (comment) {
          const dc = doc.contents;
          if (afterDoc) {
            doc.comment = doc.comment ? `${doc.comment}
${comment}` : comment;
          } else if (afterEmptyLine || doc.directives.docStart || !dc) {
            doc.commentBefore = comment;
          } else if (identity.isCollection(dc) && !dc.flow && dc.items.length > 0) {
            let it = dc.items[0];
            if (identity.isPair(it))
              it = it.key;
            const cb = it.commentBefore;
            it.commentBefore = cb ? `${comment}
${cb}` : comment;
          } else {
            const cb = dc.commentBefore;
            dc.commentBefore = cb ? `${comment}
${cb}` : comment;
          }
        }
        if (afterDoc) {
          for (let i = 0; i < this.errors.length; ++i)
            doc.errors.push(this.errors[i]);
          for (let i = 0; i < this.warnings.length; ++i)
            doc.warnings.push(this.warnings[i]);
        } else {
          doc.errors = this.errors;
          doc.warnings = this.warnings;
        }
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
      }
      /**
       * Current stream status information.
       *
       * Mostly useful at the end of input for an empty stream.
       */
      streamInfo() {
        return {
          comment: parsePrelude(this.prelude).comment,
          directives: this.directives,
          errors: this.errors,
          warnings: this.warnings
        };
      }
      /**
       * Compose tokens into documents.
       *
       * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
       * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
       */
      *compose(tokens, forceDoc = false, endOffset = -1) {
        for (const token of tokens)
          yield* this.next(token);
        yield* this.end(forceDoc, endOffset);
      }
      /** Advance the composer by one CST token. */
      *next(token) {
        if (node_process.env.LOG_STREAM)
          console.dir(token, { depth: null });
        switch (token.type) {
          case "directive":
            this.directives.add(token.source, (offset, message, warning) => {
              const pos = getErrorPos(token);
              pos[0] += offset;
              this.onError(pos, "BAD_DIRECTIVE", message, warning);
            });
            this.prelude.push(token.source);
            this.atDirectives = true;
            break;
          case "document": {
            const doc = composeDoc.composeDoc(this.options, this.directives, token, this.onError);
            if (this.atDirectives && !doc.directives.docStart)
              this.onError(token, "MISSING_CHAR", "Missing directives-end/doc-start indicator line");
            this.decorate(doc, false);
            if (this.doc)
              yield this.doc;
            this.doc = doc;
            this.atDirectives = false;
            break;
          }
          case "byte-order-mark":
          case "space":
            break;
          case "comment":
          case "newline":
            this.prelude.push(token.source);
            break;
          case "error": {
            const msg = token.source ? `${token.message}: ${JSON.stringify(token.source)}` : token.message;
            const error = new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", msg);
            if (this.atDirectives || !this.doc)
              this.errors.push(error);
            else
              this.doc.errors.push(error);
            break;
          }
          case "doc-end": {
            if (!this.doc) {
              const msg = "Unexpected doc-end without preceding document";
              this.errors.push(new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", msg));
              break;
            }
            this.doc.directives.docEnd = true;
            const end = resolveEnd.resolveEnd(token.end, token.offset + token.source.length, this.doc.options.strict, this.onError);
            this.decorate(this.doc, true);
            if (end.comment) {
              const dc = this.doc.comment;
              this.doc.comment = dc ? `${dc}
${end.comment}` : end.comment;
            }
            this.doc.range[2] = end.offset;
            break;
          }
          default:
            this.errors.push(new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", `Unsupported token ${token.type}`));
        }
      }
      /**
       * Call at end of input to yield any remaining document.
       *
       * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
       * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
       */
      *end(forceDoc = false, endOffset = -1) {
        if (this.doc) {
          this.decorate(this.doc, true);
          yield this.doc;
          this.doc = null;
        } else if (forceDoc) {
          const opts = Object.assign({ _directives: this.directives }, this.options);
          const doc = new Document.Document(void 0, opts);
          if (this.atDirectives)
            this.onError(endOffset, "MISSING_CHAR", "Missing directives-end indicator line");
          doc.range = [0, endOffset, endOffset];
          this.decorate(doc, false);
          yield doc;
        }
      }
    };
    exports.Composer = Composer;
  }
});

// node_modules/yaml/dist/parse/cst-scalar.js
var require_cst_scalar = __commonJS({
  "node_modules/yaml/dist/parse/cst-scalar.js"(exports) {
    "use strict";
    var resolveBlockScalar = require_resolve_block_scalar();
    var resolveFlowScalar = require_resolve_flow_scalar();
    var errors = require_errors();
    var stringifyString = require_stringifyString();
    function resolveAsScalar(token, strict = true, onError) {
      if (token) {
        const _onError = (pos, code, message) => {
          const offset = typeof pos === "number" ? pos : Array.isArray(pos) ? pos[0] : pos.offset;
          if (onError)
            onError(offset, code, message);
          else
            throw new errors.YAMLParseError([offset, offset + 1], code, message);
        };
        switch (token.type) {
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return resolveFlowScalar.resolveFlowScalar(token, strict, _onError);
          case "block-scalar":
            return resolveBlockScalar.resolveBlockScalar({ options: { strict } }, token, _onError);
        }
      }
      return null;
    }
    function createScalarToken(value, context) {
      const { implicitKey = false, indent, inFlow = false, offset = -1, type = "PLAIN" } = context;
      const source = stringifyString.stringifyString({ type, value }, {
        implicitKey,
        indent: indent > 0 ? " ".repeat(indent) : "",
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
      });
      const end = context.end ?? [
        { type: "newline", offset: -1, indent, source: "\n" }
      ];
      switch (source[0]) {
        case "|":
        case ">": {
          const he = source.indexOf("\n");
          const head = source.substring(0, he);
          const body = source.substring(he + 1) + "\n";
          const props = [
            { type: "block-scalar-header", offset, indent, source: head }
          ];
          if (!addEndtoBlockProps(props, end))
            props.push({ type: "newline", offset: -1, indent, source: "\n" });
          return { type: "block-scalar", offset, indent, props, source: body };
        }
        case '"':
          return { type: "double-quoted-scalar", offset, indent, source, end };
        case "'":
          return { type: "single-quoted-scalar", offset, indent, source, end };
        default:
          return { type: "scalar", offset, indent, source, end };
      }
    }
    function setScalarValue(token, value, context = {}) {
      let { afterKey = false, implicitKey = false, inFlow = false, type } = context;
      let indent = "indent" in token ? token.indent : null;
      if (afterKey && typeof indent === "number")
        indent += 2;
      if (!type)
        switch (token.type) {
          case "single-quoted-scalar":
            type = "QUOTE_SINGLE";
            break;
          case "double-quoted-scalar":
            type = "QUOTE_DOUBLE";
            break;
          case "block-scalar": {
            const header = token.props[0];
            if (header.type !== "block-scalar-header")
              throw new Error("Invalid block scalar header");
            type = header.source[0] === ">" ? "BLOCK_FOLDED" : "BLOCK_LITERAL";
            break;
          }
          default:
            type = "PLAIN";
        }
      const source = stringifyString.stringifyString({ type, value }, {
        implicitKey: implicitKey || indent === null,
        indent: indent !== null && indent > 0 ? " ".repeat(indent) : "",
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
      });
      switch (source[0]) {
        case "|":
        case ">":
          setBlockScalarValue(token, source);
          break;
        case '"':
          setFlowScalarValue(token, source, "double-quoted-scalar");
          break;
        case "'":
          setFlowScalarValue(token, source, "single-quoted-scalar");
          break;
        default:
          setFlowScalarValue(token, source, "scalar");
      }
    }
    function setBlockScalarValue(token, source) {
      const he = source.indexOf("\n");
      const head = source.substring(0, he);
      const body = source.substring(he + 1) + "\n";
      if (token.type === "block-scalar") {
        const header = token.props[0];
        if (header.type !== "block-scalar-header")
          throw new Error("Invalid block scalar header");
        header.source = head;
        token.source = body;
      } else {
        const { offset } = token;
        const indent = "indent" in token ? token.indent : -1;
        const props = [
          { type: "block-scalar-header", offset, indent, source: head }
        ];
        if (!addEndtoBlockProps(props, "end" in token ? token.end : void 0))
          props.push({ type: "newline", offset: -1, indent, source: "\n" });
        for (const key of Object.keys(token))
          if (key !== "type" && key !== "offset")
            delete token[key];
        Object.assign(token, { type: "block-scalar", indent, props, source: body });
      }
    }
    function addEndtoBlockProps(props, end) {
      if (end)
        for (const st of end)
          switch (st.type) {
            case "space":
            case "comment":
              props.push(st);
              break;
            case "newline":
              props.push(st);
              return true;
          }
      return false;
    }
    function setFlowScalarValue(token, source, type) {
      switch (token.type) {
        case "scalar":
        case "double-quoted-scalar":
        case "single-quoted-scalar":
          token.type = type;
          token.source = source;
          break;
        case "block-scalar": {
          const end = token.props.slice(1);
          let oa = source.length;
          if (token.props[0].type === "block-scalar-header")
            oa -= token.props[0].source.length;
          for (const tok of end)
            tok.offset += oa;
          delete token.props;
          Object.assign(token, { type, source, end });
          break;
        }
        case "block-map":
        case "block-seq": {
          const offset = token.offset + source.length;
          const nl = { type: "newline", offset, indent: token.indent, source: "\n" };
          delete token.items;
          Object.assign(token, { type, source, end: [nl] });
          break;
        }
        default: {
          const indent = "indent" in token ? token.indent : -1;
          const end = "end" in token && Array.isArray(token.end) ? token.end.filter((st) => st.type === "space" || st.type === "comment" || st.type === "newline") : [];
          for (const key of Object.keys(token))
            if (key !== "type" && key !== "offset")
              delete token[key];
          Object.assign(token, { type, indent, source, end });
        }
      }
    }
    exports.createScalarToken = createScalarToken;
    exports.resolveAsScalar = resolveAsScalar;
    exports.setScalarValue = setScalarValue;
  }
});

// node_modules/yaml/dist/parse/cst-stringify.js
var require_cst_stringify = __commonJS({
  "node_modules/yaml/dist/parse/cst-stringify.js"(exports) {
    "use strict";
    var stringify = (cst) => "type" in cst ? stringifyToken(cst) : stringifyItem(cst);
    function stringifyToken(token) {
      switch (token.type) {
        case "block-scalar": {
          let res = "";
          for (const tok of token.props)
            res += stringifyToken(tok);
          return res + token.source;
        }
        case "block-map":
        case "block-seq": {
          let res = "";
          for (const item of token.items)
            res += stringifyItem(item);
          return res;
        }
        case "flow-collection": {
          let res = token.start.source;
          for (const item of token.items)
            res += stringifyItem(item);
          for (const st of token.end)
            res += st.source;
          return res;
        }
        case "document": {
          let res = stringifyItem(token);
          if (token.end)
            for (const st of token.end)
              res += st.source;
          return res;
        }
        default: {
          let res = token.source;
          if ("end" in token && token.end)
            for (const st of token.end)
              res += st.source;
          return res;
        }
      }
    }
    function stringifyItem({ start, key, sep: sep3, value }) {
      let res = "";
      for (const st of start)
        res += st.source;
      if (key)
        res += stringifyToken(key);
      if (sep3)
        for (const st of sep3)
          res += st.source;
      if (value)
        res += stringifyToken(value);
      return res;
    }
    exports.stringify = stringify;
  }
});

// node_modules/yaml/dist/parse/cst-visit.js
var require_cst_visit = __commonJS({
  "node_modules/yaml/dist/parse/cst-visit.js"(exports) {
    "use strict";
    var BREAK = /* @__PURE__ */ Symbol("break visit");
    var SKIP = /* @__PURE__ */ Symbol("skip children");
    var REMOVE = /* @__PURE__ */ Symbol("remove item");
    function visit(cst, visitor) {
      if ("type" in cst && cst.type === "document")
        cst = { start: cst.start, value: cst.value };
      _visit(Object.freeze([]), cst, visitor);
    }
    visit.BREAK = BREAK;
    visit.SKIP = SKIP;
    visit.REMOVE = REMOVE;
    visit.itemAtPath = (cst, path) => {
      let item = cst;
      for (const [field, index] of path) {
        const tok = item?.[field];
        if (tok && "items" in tok) {
          item = tok.items[index];
        } else
          return void 0;
      }
      return item;
    };
    visit.parentCollection = (cst, path) => {
      const parent = visit.itemAtPath(cst, path.slice(0, -1));
      const field = path[path.length - 1][0];
      const coll = parent?.[field];
      if (coll && "items" in coll)
        return coll;
      throw new Error("Parent collection not found");
    };
    function _visit(path, item, visitor) {
      let ctrl = visitor(item, path);
      if (typeof ctrl === "symbol")
        return ctrl;
      for (const field of ["key", "value"]) {
        const token = item[field];
        if (token && "items" in token) {
          for (let i = 0; i < token.items.length; ++i) {
            const ci = _visit(Object.freeze(path.concat([[field, i]])), token.items[i], visitor);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              token.items.splice(i, 1);
              i -= 1;
            }
          }
          if (typeof ctrl === "function" && field === "key")
            ctrl = ctrl(item, path);
        }
      }
      return typeof ctrl === "function" ? ctrl(item, path) : ctrl;
    }
    exports.visit = visit;
  }
});

// node_modules/yaml/dist/parse/cst.js
var require_cst = __commonJS({
  "node_modules/yaml/dist/parse/cst.js"(exports) {
    "use strict";
    var cstScalar = require_cst_scalar();
    var cstStringify = require_cst_stringify();
    var cstVisit = require_cst_visit();
    var BOM = "\uFEFF";
    var DOCUMENT = "";
    var FLOW_END = "";
    var SCALAR = "";
    var isCollection = (token) => !!token && "items" in token;
    var isScalar3 = (token) => !!token && (token.type === "scalar" || token.type === "single-quoted-scalar" || token.type === "double-quoted-scalar" || token.type === "block-scalar");
    function prettyToken(token) {
      switch (token) {
        case BOM:
          return "<BOM>";
        case DOCUMENT:
          return "<DOC>";
        case FLOW_END:
          return "<FLOW_END>";
        case SCALAR:
          return "<SCALAR>";
        default:
          return JSON.stringify(token);
      }
    }
    function tokenType(source) {
      switch (source) {
        case BOM:
          return "byte-order-mark";
        case DOCUMENT:
          return "doc-mode";
        case FLOW_END:
          return "flow-error-end";
        case SCALAR:
          return "scalar";
        case "---":
          return "doc-start";
        case "...":
          return "doc-end";
        case "":
        case "\n":
        case "\r\n":
          return "newline";
        case "-":
          return "seq-item-ind";
        case "?":
          return "explicit-key-ind";
        case ":":
          return "map-value-ind";
        case "{":
          return "flow-map-start";
        case "}":
          return "flow-map-end";
        case "[":
          return "flow-seq-start";
        case "]":
          return "flow-seq-end";
        case ",":
          return "comma";
      }
      switch (source[0]) {
        case " ":
        case "	":
          return "space";
        case "#":
          return "comment";
        case "%":
          return "directive-line";
        case "*":
          return "alias";
        case "&":
          return "anchor";
        case "!":
          return "tag";
        case "'":
          return "single-quoted-scalar";
        case '"':
          return "double-quoted-scalar";
        case "|":
        case ">":
          return "block-scalar-header";
      }
      return null;
    }
    exports.createScalarToken = cstScalar.createScalarToken;
    exports.resolveAsScalar = cstScalar.resolveAsScalar;
    exports.setScalarValue = cstScalar.setScalarValue;
    exports.stringify = cstStringify.stringify;
    exports.visit = cstVisit.visit;
    exports.BOM = BOM;
    exports.DOCUMENT = DOCUMENT;
    exports.FLOW_END = FLOW_END;
    exports.SCALAR = SCALAR;
    exports.isCollection = isCollection;
    exports.isScalar = isScalar3;
    exports.prettyToken = prettyToken;
    exports.tokenType = tokenType;
  }
});

// node_modules/yaml/dist/parse/lexer.js
var require_lexer = __commonJS({
  "node_modules/yaml/dist/parse/lexer.js"(exports) {
    "use strict";
    var cst = require_cst();
    function isEmpty(ch) {
      switch (ch) {
        case void 0:
        case " ":
        case "\n":
        case "\r":
        case "	":
          return true;
        default:
          return false;
      }
    }
    var hexDigits = new Set("0123456789ABCDEFabcdef");
    var tagChars = new Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-#;/?:@&=+$_.!~*'()");
    var flowIndicatorChars = new Set(",[]{}");
    var invalidAnchorChars = new Set(" ,[]{}\n\r	");
    var isNotAnchorChar = (ch) => !ch || invalidAnchorChars.has(ch);
    var Lexer = class {
      constructor() {
        this.atEnd = false;
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        this.buffer = "";
        this.flowKey = false;
        this.flowLevel = 0;
        this.indentNext = 0;
        this.indentValue = 0;
        this.lineEndPos = null;
        this.next = null;
        this.pos = 0;
      }
      /**
       * Generate YAML tokens from the `source` string. If `incomplete`,
       * a part of the last line may be left as a buffer for the next call.
       *
       * @returns A generator of lexical tokens
       */
      *lex(source, incomplete = false) {
        if (source) {
          if (typeof source !== "string")
            throw TypeError("source is not a string");
          this.buffer = this.buffer ? this.buffer + source : source;
          this.lineEndPos = null;
        }
        this.atEnd = !incomplete;
        let next = this.next ?? "stream";
        while (next && (incomplete || this.hasChars(1)))
          next = yield* this.parseNext(next);
      }
      atLineEnd() {
        let i = this.pos;
        let ch = this.buffer[i];
        while (ch === " " || ch === "	")
          ch = this.buffer[++i];
        if (!ch || ch === "#" || ch === "\n")
          return true;
        if (ch === "\r")
          return this.buffer[i + 1] === "\n";
        return false;
      }
      charAt(n) {
        return this.buffer[this.pos + n];
      }
      continueScalar(offset) {
        let ch = this.buffer[offset];
        if (this.indentNext > 0) {
          let indent = 0;
          while (ch === " ")
            ch = this.buffer[++indent + offset];
          if (ch === "\r") {
            const next = this.buffer[indent + offset + 1];
            if (next === "\n" || !next && !this.atEnd)
              return offset + indent + 1;
          }
          return ch === "\n" || indent >= this.indentNext || !ch && !this.atEnd ? offset + indent : -1;
        }
        if (ch === "-" || ch === ".") {
          const dt = this.buffer.substr(offset, 3);
          if ((dt === "---" || dt === "...") && isEmpty(this.buffer[offset + 3]))
            return -1;
        }
        return offset;
      }
      getLine() {
        let end = this.lineEndPos;
        if (typeof end !== "number" || end !== -1 && end < this.pos) {
          end = this.buffer.indexOf("\n", this.pos);
          this.lineEndPos = end;
        }
        if (end === -1)
          return this.atEnd ? this.buffer.substring(this.pos) : null;
        if (this.buffer[end - 1] === "\r")
          end -= 1;
        return this.buffer.substring(this.pos, end);
      }
      hasChars(n) {
        return this.pos + n <= this.buffer.length;
      }
      setNext(state) {
        this.buffer = this.buffer.substring(this.pos);
        this.pos = 0;
        this.lineEndPos = null;
        this.next = state;
        return null;
      }
      peek(n) {
        return this.buffer.substr(this.pos, n);
      }
      *parseNext(next) {
        switch (next) {
          case "stream":
            return yield* this.parseStream();
          case "line-start":
            return yield* this.parseLineStart();
          case "block-start":
            return yield* this.parseBlockStart();
          case "doc":
            return yield* this.parseDocument();
          case "flow":
            return yield* this.parseFlowCollection();
          case "quoted-scalar":
            return yield* this.parseQuotedScalar();
          case "block-scalar":
            return yield* this.parseBlockScalar();
          case "plain-scalar":
            return yield* this.parsePlainScalar();
        }
      }
      *parseStream() {
        let line = this.getLine();
        if (line === null)
          return this.setNext("stream");
        if (line[0] === cst.BOM) {
          yield* this.pushCount(1);
          line = line.substring(1);
        }
        if (line[0] === "%") {
          let dirEnd = line.length;
          let cs = line.indexOf("#");
          while (cs !== -1) {
            const ch = line[cs - 1];
            if (ch === " " || ch === "	") {
              dirEnd = cs - 1;
              break;
            } else {
              cs = line.indexOf("#", cs + 1);
            }
          }
          while (true) {
            const ch = line[dirEnd - 1];
            if (ch === " " || ch === "	")
              dirEnd -= 1;
            else
              break;
          }
          const n = (yield* this.pushCount(dirEnd)) + (yield* this.pushSpaces(true));
          yield* this.pushCount(line.length - n);
          this.pushNewline();
          return "stream";
        }
        if (this.atLineEnd()) {
          const sp = yield* this.pushSpaces(true);
          yield* this.pushCount(line.length - sp);
          yield* this.pushNewline();
          return "stream";
        }
        yield cst.DOCUMENT;
        return yield* this.parseLineStart();
      }
      *parseLineStart() {
        const ch = this.charAt(0);
        if (!ch && !this.atEnd)
          return this.setNext("line-start");
        if (ch === "-" || ch === ".") {
          if (!this.atEnd && !this.hasChars(4))
            return this.setNext("line-start");
          const s = this.peek(3);
          if ((s === "---" || s === "...") && isEmpty(this.charAt(3))) {
            yield* this.pushCount(3);
            this.indentValue = 0;
            this.indentNext = 0;
            return s === "---" ? "doc" : "stream";
          }
        }
        this.indentValue = yield* this.pushSpaces(false);
        if (this.indentNext > this.indentValue && !isEmpty(this.charAt(1)))
          this.indentNext = this.indentValue;
        return yield* this.parseBlockStart();
      }
      *parseBlockStart() {
        const [ch0, ch1] = this.peek(2);
        if (!ch1 && !this.atEnd)
          return this.setNext("block-start");
        if ((ch0 === "-" || ch0 === "?" || ch0 === ":") && isEmpty(ch1)) {
          const n = (yield* this.pushCount(1)) + (yield* this.pushSpaces(true));
          this.indentNext = this.indentValue + 1;
          this.indentValue += n;
          return "block-start";
        }
        return "doc";
      }
      *parseDocument() {
        yield* this.pushSpaces(true);
        const line = this.getLine();
        if (line === null)
          return this.setNext("doc");
        let n = yield* this.pushIndicators();
        switch (line[n]) {
          case "#":
            yield* this.pushCount(line.length - n);
          // fallthrough
          case void 0:
            yield* this.pushNewline();
            return yield* this.parseLineStart();
          case "{":
          case "[":
            yield* this.pushCount(1);
            this.flowKey = false;
            this.flowLevel = 1;
            return "flow";
          case "}":
          case "]":
            yield* this.pushCount(1);
            return "doc";
          case "*":
            yield* this.pushUntil(isNotAnchorChar);
            return "doc";
          case '"':
          case "'":
            return yield* this.parseQuotedScalar();
          case "|":
          case ">":
            n += yield* this.parseBlockScalarHeader();
            n += yield* this.pushSpaces(true);
            yield* this.pushCount(line.length - n);
            yield* this.pushNewline();
            return yield* this.parseBlockScalar();
          default:
            return yield* this.parsePlainScalar();
        }
      }
      *parseFlowCollection() {
        let nl, sp;
        let indent = -1;
        do {
          nl = yield* this.pushNewline();
          if (nl > 0) {
            sp = yield* this.pushSpaces(false);
            this.indentValue = indent = sp;
          } else {
            sp = 0;
          }
          sp += yield* this.pushSpaces(true);
        } while (nl + sp > 0);
        const line = this.getLine();
        if (line === null)
          return this.setNext("flow");
        if (indent !== -1 && indent < this.indentNext && line[0] !== "#" || indent === 0 && (line.startsWith("---") || line.startsWith("...")) && isEmpty(line[3])) {
          const atFlowEndMarker = indent === this.indentNext - 1 && this.flowLevel === 1 && (line[0] === "]" || line[0] === "}");
          if (!atFlowEndMarker) {
            this.flowLevel = 0;
            yield cst.FLOW_END;
            return yield* this.parseLineStart();
          }
        }
        let n = 0;
        while (line[n] === ",") {
          n += yield* this.pushCount(1);
          n += yield* this.pushSpaces(true);
          this.flowKey = false;
        }
        n += yield* this.pushIndicators();
        switch (line[n]) {
          case void 0:
            return "flow";
          case "#":
            yield* this.pushCount(line.length - n);
            return "flow";
          case "{":
          case "[":
            yield* this.pushCount(1);
            this.flowKey = false;
            this.flowLevel += 1;
            return "flow";
          case "}":
          case "]":
            yield* this.pushCount(1);
            this.flowKey = true;
            this.flowLevel -= 1;
            return this.flowLevel ? "flow" : "doc";
          case "*":
            yield* this.pushUntil(isNotAnchorChar);
            return "flow";
          case '"':
          case "'":
            this.flowKey = true;
            return yield* this.parseQuotedScalar();
          case ":": {
            const next = this.charAt(1);
            if (this.flowKey || isEmpty(next) || next === ",") {
              this.flowKey = false;
              yield* this.pushCount(1);
              yield* this.pushSpaces(true);
              return "flow";
            }
          }
          // fallthrough
          default:
            this.flowKey = false;
            return yield* this.parsePlainScalar();
        }
      }
      *parseQuotedScalar() {
        const quote = this.charAt(0);
        let end = this.buffer.indexOf(quote, this.pos + 1);
        if (quote === "'") {
          while (end !== -1 && this.buffer[end + 1] === "'")
            end = this.buffer.indexOf("'", end + 2);
        } else {
          while (end !== -1) {
            let n = 0;
            while (this.buffer[end - 1 - n] === "\\")
              n += 1;
            if (n % 2 === 0)
              break;
            end = this.buffer.indexOf('"', end + 1);
          }
        }
        const qb = this.buffer.substring(0, end);
        let nl = qb.indexOf("\n", this.pos);
        if (nl !== -1) {
          while (nl !== -1) {
            const cs = this.continueScalar(nl + 1);
            if (cs === -1)
              break;
            nl = qb.indexOf("\n", cs);
          }
          if (nl !== -1) {
            end = nl - (qb[nl - 1] === "\r" ? 2 : 1);
          }
        }
        if (end === -1) {
          if (!this.atEnd)
            return this.setNext("quoted-scalar");
          end = this.buffer.length;
        }
        yield* this.pushToIndex(end + 1, false);
        return this.flowLevel ? "flow" : "doc";
      }
      *parseBlockScalarHeader() {
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        let i = this.pos;
        while (true) {
          const ch = this.buffer[++i];
          if (ch === "+")
            this.blockScalarKeep = true;
          else if (ch > "0" && ch <= "9")
            this.blockScalarIndent = Number(ch) - 1;
          else if (ch !== "-")
            break;
        }
        return yield* this.pushUntil((ch) => isEmpty(ch) || ch === "#");
      }
      *parseBlockScalar() {
        let nl = this.pos - 1;
        let indent = 0;
        let ch;
        loop: for (let i2 = this.pos; ch = this.buffer[i2]; ++i2) {
          switch (ch) {
            case " ":
              indent += 1;
              break;
            case "\n":
              nl = i2;
              indent = 0;
              break;
            case "\r": {
              const next = this.buffer[i2 + 1];
              if (!next && !this.atEnd)
                return this.setNext("block-scalar");
              if (next === "\n")
                break;
            }
            // fallthrough
            default:
              break loop;
          }
        }
        if (!ch && !this.atEnd)
          return this.setNext("block-scalar");
        if (indent >= this.indentNext) {
          if (this.blockScalarIndent === -1)
            this.indentNext = indent;
          else {
            this.indentNext = this.blockScalarIndent + (this.indentNext === 0 ? 1 : this.indentNext);
          }
          do {
            const cs = this.continueScalar(nl + 1);
            if (cs === -1)
              break;
            nl = this.buffer.indexOf("\n", cs);
          } while (nl !== -1);
          if (nl === -1) {
            if (!this.atEnd)
              return this.setNext("block-scalar");
            nl = this.buffer.length;
          }
        }
        let i = nl + 1;
        ch = this.buffer[i];
        while (ch === " ")
          ch = this.buffer[++i];
        if (ch === "	") {
          while (ch === "	" || ch === " " || ch === "\r" || ch === "\n")
            ch = this.buffer[++i];
          nl = i - 1;
        } else if (!this.blockScalarKeep) {
          do {
            let i2 = nl - 1;
            let ch2 = this.buffer[i2];
            if (ch2 === "\r")
              ch2 = this.buffer[--i2];
            const lastChar = i2;
            while (ch2 === " ")
              ch2 = this.buffer[--i2];
            if (ch2 === "\n" && i2 >= this.pos && i2 + 1 + indent > lastChar)
              nl = i2;
            else
              break;
          } while (true);
        }
        yield cst.SCALAR;
        yield* this.pushToIndex(nl + 1, true);
        return yield* this.parseLineStart();
      }
      *parsePlainScalar() {
        const inFlow = this.flowLevel > 0;
        let end = this.pos - 1;
        let i = this.pos - 1;
        let ch;
        while (ch = this.buffer[++i]) {
          if (ch === ":") {
            const next = this.buffer[i + 1];
            if (isEmpty(next) || inFlow && flowIndicatorChars.has(next))
              break;
            end = i;
          } else if (isEmpty(ch)) {
            let next = this.buffer[i + 1];
            if (ch === "\r") {
              if (next === "\n") {
                i += 1;
                ch = "\n";
                next = this.buffer[i + 1];
              } else
                end = i;
            }
            if (next === "#" || inFlow && flowIndicatorChars.has(next))
              break;
            if (ch === "\n") {
              const cs = this.continueScalar(i + 1);
              if (cs === -1)
                break;
              i = Math.max(i, cs - 2);
            }
          } else {
            if (inFlow && flowIndicatorChars.has(ch))
              break;
            end = i;
          }
        }
        if (!ch && !this.atEnd)
          return this.setNext("plain-scalar");
        yield cst.SCALAR;
        yield* this.pushToIndex(end + 1, true);
        return inFlow ? "flow" : "doc";
      }
      *pushCount(n) {
        if (n > 0) {
          yield this.buffer.substr(this.pos, n);
          this.pos += n;
          return n;
        }
        return 0;
      }
      *pushToIndex(i, allowEmpty) {
        const s = this.buffer.slice(this.pos, i);
        if (s) {
          yield s;
          this.pos += s.length;
          return s.length;
        } else if (allowEmpty)
          yield "";
        return 0;
      }
      *pushIndicators() {
        let n = 0;
        loop: while (true) {
          switch (this.charAt(0)) {
            case "!":
              n += yield* this.pushTag();
              n += yield* this.pushSpaces(true);
              continue loop;
            case "&":
              n += yield* this.pushUntil(isNotAnchorChar);
              n += yield* this.pushSpaces(true);
              continue loop;
            case "-":
            // this is an error
            case "?":
            // this is an error outside flow collections
            case ":": {
              const inFlow = this.flowLevel > 0;
              const ch1 = this.charAt(1);
              if (isEmpty(ch1) || inFlow && flowIndicatorChars.has(ch1)) {
                if (!inFlow)
                  this.indentNext = this.indentValue + 1;
                else if (this.flowKey)
                  this.flowKey = false;
                n += yield* this.pushCount(1);
                n += yield* this.pushSpaces(true);
                continue loop;
              }
            }
          }
          break loop;
        }
        return n;
      }
      *pushTag() {
        if (this.charAt(1) === "<") {
          let i = this.pos + 2;
          let ch = this.buffer[i];
          while (!isEmpty(ch) && ch !== ">")
            ch = this.buffer[++i];
          return yield* this.pushToIndex(ch === ">" ? i + 1 : i, false);
        } else {
          let i = this.pos + 1;
          let ch = this.buffer[i];
          while (ch) {
            if (tagChars.has(ch))
              ch = this.buffer[++i];
            else if (ch === "%" && hexDigits.has(this.buffer[i + 1]) && hexDigits.has(this.buffer[i + 2])) {
              ch = this.buffer[i += 3];
            } else
              break;
          }
          return yield* this.pushToIndex(i, false);
        }
      }
      *pushNewline() {
        const ch = this.buffer[this.pos];
        if (ch === "\n")
          return yield* this.pushCount(1);
        else if (ch === "\r" && this.charAt(1) === "\n")
          return yield* this.pushCount(2);
        else
          return 0;
      }
      *pushSpaces(allowTabs) {
        let i = this.pos - 1;
        let ch;
        do {
          ch = this.buffer[++i];
        } while (ch === " " || allowTabs && ch === "	");
        const n = i - this.pos;
        if (n > 0) {
          yield this.buffer.substr(this.pos, n);
          this.pos = i;
        }
        return n;
      }
      *pushUntil(test) {
        let i = this.pos;
        let ch = this.buffer[i];
        while (!test(ch))
          ch = this.buffer[++i];
        return yield* this.pushToIndex(i, false);
      }
    };
    exports.Lexer = Lexer;
  }
});

// node_modules/yaml/dist/parse/line-counter.js
var require_line_counter = __commonJS({
  "node_modules/yaml/dist/parse/line-counter.js"(exports) {
    "use strict";
    var LineCounter2 = class {
      constructor() {
        this.lineStarts = [];
        this.addNewLine = (offset) => this.lineStarts.push(offset);
        this.linePos = (offset) => {
          let low = 0;
          let high = this.lineStarts.length;
          while (low < high) {
            const mid = low + high >> 1;
            if (this.lineStarts[mid] < offset)
              low = mid + 1;
            else
              high = mid;
          }
          if (this.lineStarts[low] === offset)
            return { line: low + 1, col: 1 };
          if (low === 0)
            return { line: 0, col: offset };
          const start = this.lineStarts[low - 1];
          return { line: low, col: offset - start + 1 };
        };
      }
    };
    exports.LineCounter = LineCounter2;
  }
});

// node_modules/yaml/dist/parse/parser.js
var require_parser = __commonJS({
  "node_modules/yaml/dist/parse/parser.js"(exports) {
    "use strict";
    var node_process = __require("process");
    var cst = require_cst();
    var lexer = require_lexer();
    function includesToken(list, type) {
      for (let i = 0; i < list.length; ++i)
        if (list[i].type === type)
          return true;
      return false;
    }
    function findNonEmptyIndex(list) {
      for (let i = 0; i < list.length; ++i) {
        switch (list[i].type) {
          case "space":
          case "comment":
          case "newline":
            break;
          default:
            return i;
        }
      }
      return -1;
    }
    function isFlowToken(token) {
      switch (token?.type) {
        case "alias":
        case "scalar":
        case "single-quoted-scalar":
        case "double-quoted-scalar":
        case "flow-collection":
          return true;
        default:
          return false;
      }
    }
    function getPrevProps(parent) {
      switch (parent.type) {
        case "document":
          return parent.start;
        case "block-map": {
          const it = parent.items[parent.items.length - 1];
          return it.sep ?? it.start;
        }
        case "block-seq":
          return parent.items[parent.items.length - 1].start;
        /* istanbul ignore next should not happen */
        default:
          return [];
      }
    }
    function getFirstKeyStartProps(prev) {
      if (prev.length === 0)
        return [];
      let i = prev.length;
      loop: while (--i >= 0) {
        switch (prev[i].type) {
          case "doc-start":
          case "explicit-key-ind":
          case "map-value-ind":
          case "seq-item-ind":
          case "newline":
            break loop;
        }
      }
      while (prev[++i]?.type === "space") {
      }
      return prev.splice(i, prev.length);
    }
    function arrayPushArray(target, source) {
      if (source.length < 1e5)
        Array.prototype.push.apply(target, source);
      else
        for (let i = 0; i < source.length; ++i)
          target.push(source[i]);
    }
    function fixFlowSeqItems(fc) {
      if (fc.start.type === "flow-seq-start") {
        for (const it of fc.items) {
          if (it.sep && !it.value && !includesToken(it.start, "explicit-key-ind") && !includesToken(it.sep, "map-value-ind")) {
            if (it.key)
              it.value = it.key;
            delete it.key;
            if (isFlowToken(it.value)) {
              if (it.value.end)
                arrayPushArray(it.value.end, it.sep);
              else
                it.value.end = it.sep;
            } else
              arrayPushArray(it.start, it.sep);
            delete it.sep;
          }
        }
      }
    }
    var Parser = class {
      /**
       * @param onNewLine - If defined, called separately with the start position of
       *   each new line (in `parse()`, including the start of input).
       */
      constructor(onNewLine) {
        this.atNewLine = true;
        this.atScalar = false;
        this.indent = 0;
        this.offset = 0;
        this.onKeyLine = false;
        this.stack = [];
        this.source = "";
        this.type = "";
        this.lexer = new lexer.Lexer();
        this.onNewLine = onNewLine;
      }
      /**
       * Parse `source` as a YAML stream.
       * If `incomplete`, a part of the last line may be left as a buffer for the next call.
       *
       * Errors are not thrown, but yielded as `{ type: 'error', message }` tokens.
       *
       * @returns A generator of tokens representing each directive, document, and other structure.
       */
      *parse(source, incomplete = false) {
        if (this.onNewLine && this.offset === 0)
          this.onNewLine(0);
        for (const lexeme of this.lexer.lex(source, incomplete))
          yield* this.next(lexeme);
        if (!incomplete)
          yield* this.end();
      }
      /**
       * Advance the parser by the `source` of one lexical token.
       */
      *next(source) {
        this.source = source;
        if (node_process.env.LOG_TOKENS)
          console.log("|", cst.prettyToken(source));
        if (this.atScalar) {
          this.atScalar = false;
          yield* this.step();
          this.offset += source.length;
          return;
        }
        const type = cst.tokenType(source);
        if (!type) {
          const message = `Not a YAML token: ${source}`;
          yield* this.pop({ type: "error", offset: this.offset, message, source });
          this.offset += source.length;
        } else if (type === "scalar") {
          this.atNewLine = false;
          this.atScalar = true;
          this.type = "scalar";
        } else {
          this.type = type;
          yield* this.step();
          switch (type) {
            case "newline":
              this.atNewLine = true;
              this.indent = 0;
              if (this.onNewLine)
                this.onNewLine(this.offset + source.length);
              break;
            case "space":
              if (this.atNewLine && source[0] === " ")
                this.indent += source.length;
              break;
            case "explicit-key-ind":
            case "map-value-ind":
            case "seq-item-ind":
              if (this.atNewLine)
                this.indent += source.length;
              break;
            case "doc-mode":
            case "flow-error-end":
              return;
            default:
              this.atNewLine = false;
          }
          this.offset += source.length;
        }
      }
      /** Call at end of input to push out any remaining constructions */
      *end() {
        while (this.stack.length > 0)
          yield* this.pop();
      }
      get sourceToken() {
        const st = {
          type: this.type,
          offset: this.offset,
          indent: this.indent,
          source: this.source
        };
        return st;
      }
      *step() {
        const top = this.peek(1);
        if (this.type === "doc-end" && top?.type !== "doc-end") {
          while (this.stack.length > 0)
            yield* this.pop();
          this.stack.push({
            type: "doc-end",
            offset: this.offset,
            source: this.source
          });
          return;
        }
        if (!top)
          return yield* this.stream();
        switch (top.type) {
          case "document":
            return yield* this.document(top);
          case "alias":
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return yield* this.scalar(top);
          case "block-scalar":
            return yield* this.blockScalar(top);
          case "block-map":
            return yield* this.blockMap(top);
          case "block-seq":
            return yield* this.blockSequence(top);
          case "flow-collection":
            return yield* this.flowCollection(top);
          case "doc-end":
            return yield* this.documentEnd(top);
        }
        yield* this.pop();
      }
      peek(n) {
        return this.stack[this.stack.length - n];
      }
      *pop(error) {
        const token = error ?? this.stack.pop();
        if (!token) {
          const message = "Tried to pop an empty stack";
          yield { type: "error", offset: this.offset, source: "", message };
        } else if (this.stack.length === 0) {
          yield token;
        } else {
          const top = this.peek(1);
          if (token.type === "block-scalar") {
            token.indent = "indent" in top ? top.indent : 0;
          } else if (token.type === "flow-collection" && top.type === "document") {
            token.indent = 0;
          }
          if (token.type === "flow-collection")
            fixFlowSeqItems(token);
          switch (top.type) {
            case "document":
              top.value = token;
              break;
            case "block-scalar":
              top.props.push(token);
              break;
            case "block-map": {
              const it = top.items[top.items.length - 1];
              if (it.value) {
                top.items.push({ start: [], key: token, sep: [] });
                this.onKeyLine = true;
                return;
              } else if (it.sep) {
                it.value = token;
              } else {
                Object.assign(it, { key: token, sep: [] });
                this.onKeyLine = !it.explicitKey;
                return;
              }
              break;
            }
            case "block-seq": {
              const it = top.items[top.items.length - 1];
              if (it.value)
                top.items.push({ start: [], value: token });
              else
                it.value = token;
              break;
            }
            case "flow-collection": {
              const it = top.items[top.items.length - 1];
              if (!it || it.value)
                top.items.push({ start: [], key: token, sep: [] });
              else if (it.sep)
                it.value = token;
              else
                Object.assign(it, { key: token, sep: [] });
              return;
            }
            /* istanbul ignore next should not happen */
            default:
              yield* this.pop();
              yield* this.pop(token);
          }
          if ((top.type === "document" || top.type === "block-map" || top.type === "block-seq") && (token.type === "block-map" || token.type === "block-seq")) {
            const last = token.items[token.items.length - 1];
            if (last && !last.sep && !last.value && last.start.length > 0 && findNonEmptyIndex(last.start) === -1 && (token.indent === 0 || last.start.every((st) => st.type !== "comment" || st.indent < token.indent))) {
              if (top.type === "document")
                top.end = last.start;
              else
                top.items.push({ start: last.start });
              token.items.splice(-1, 1);
            }
          }
        }
      }
      *stream() {
        switch (this.type) {
          case "directive-line":
            yield { type: "directive", offset: this.offset, source: this.source };
            return;
          case "byte-order-mark":
          case "space":
          case "comment":
          case "newline":
            yield this.sourceToken;
            return;
          case "doc-mode":
          case "doc-start": {
            const doc = {
              type: "document",
              offset: this.offset,
              start: []
            };
            if (this.type === "doc-start")
              doc.start.push(this.sourceToken);
            this.stack.push(doc);
            return;
          }
        }
        yield {
          type: "error",
          offset: this.offset,
          message: `Unexpected ${this.type} token in YAML stream`,
          source: this.source
        };
      }
      *document(doc) {
        if (doc.value)
          return yield* this.lineEnd(doc);
        switch (this.type) {
          case "doc-start": {
            if (findNonEmptyIndex(doc.start) !== -1) {
              yield* this.pop();
              yield* this.step();
            } else
              doc.start.push(this.sourceToken);
            return;
          }
          case "anchor":
          case "tag":
          case "space":
          case "comment":
          case "newline":
            doc.start.push(this.sourceToken);
            return;
        }
        const bv = this.startBlockValue(doc);
        if (bv)
          this.stack.push(bv);
        else {
          yield {
            type: "error",
            offset: this.offset,
            message: `Unexpected ${this.type} token in YAML document`,
            source: this.source
          };
        }
      }
      *scalar(scalar) {
        if (this.type === "map-value-ind") {
          const prev = getPrevProps(this.peek(2));
          const start = getFirstKeyStartProps(prev);
          let sep3;
          if (scalar.end) {
            sep3 = scalar.end;
            sep3.push(this.sourceToken);
            delete scalar.end;
          } else
            sep3 = [this.sourceToken];
          const map = {
            type: "block-map",
            offset: scalar.offset,
            indent: scalar.indent,
            items: [{ start, key: scalar, sep: sep3 }]
          };
          this.onKeyLine = true;
          this.stack[this.stack.length - 1] = map;
        } else
          yield* this.lineEnd(scalar);
      }
      *blockScalar(scalar) {
        switch (this.type) {
          case "space":
          case "comment":
          case "newline":
            scalar.props.push(this.sourceToken);
            return;
          case "scalar":
            scalar.source = this.source;
            this.atNewLine = true;
            this.indent = 0;
            if (this.onNewLine) {
              let nl = this.source.indexOf("\n") + 1;
              while (nl !== 0) {
                this.onNewLine(this.offset + nl);
                nl = this.source.indexOf("\n", nl) + 1;
              }
            }
            yield* this.pop();
            break;
          /* istanbul ignore next should not happen */
          default:
            yield* this.pop();
            yield* this.step();
        }
      }
      *blockMap(map) {
        const it = map.items[map.items.length - 1];
        switch (this.type) {
          case "newline":
            this.onKeyLine = false;
            if (it.value) {
              const end = "end" in it.value ? it.value.end : void 0;
              const last = Array.isArray(end) ? end[end.length - 1] : void 0;
              if (last?.type === "comment")
                end?.push(this.sourceToken);
              else
                map.items.push({ start: [this.sourceToken] });
            } else if (it.sep) {
              it.sep.push(this.sourceToken);
            } else {
              it.start.push(this.sourceToken);
            }
            return;
          case "space":
          case "comment":
            if (it.value) {
              map.items.push({ start: [this.sourceToken] });
            } else if (it.sep) {
              it.sep.push(this.sourceToken);
            } else {
              if (this.atIndentedComment(it.start, map.indent)) {
                const prev = map.items[map.items.length - 2];
                const end = prev?.value?.end;
                if (Array.isArray(end)) {
                  arrayPushArray(end, it.start);
                  end.push(this.sourceToken);
                  map.items.pop();
                  return;
                }
              }
              it.start.push(this.sourceToken);
            }
            return;
        }
        if (this.indent >= map.indent) {
          const atMapIndent = !this.onKeyLine && this.indent === map.indent;
          const atNextItem = atMapIndent && (it.sep || it.explicitKey) && this.type !== "seq-item-ind";
          let start = [];
          if (atNextItem && it.sep && !it.value) {
            const nl = [];
            for (let i = 0; i < it.sep.length; ++i) {
              const st = it.sep[i];
              switch (st.type) {
                case "newline":
                  nl.push(i);
                  break;
                case "space":
                  break;
                case "comment":
                  if (st.indent > map.indent)
                    nl.length = 0;
                  break;
                default:
                  nl.length = 0;
              }
            }
            if (nl.length >= 2)
              start = it.sep.splice(nl[1]);
          }
          switch (this.type) {
            case "anchor":
            case "tag":
              if (atNextItem || it.value) {
                start.push(this.sourceToken);
                map.items.push({ start });
                this.onKeyLine = true;
              } else if (it.sep) {
                it.sep.push(this.sourceToken);
              } else {
                it.start.push(this.sourceToken);
              }
              return;
            case "explicit-key-ind":
              if (!it.sep && !it.explicitKey) {
                it.start.push(this.sourceToken);
                it.explicitKey = true;
              } else if (atNextItem || it.value) {
                start.push(this.sourceToken);
                map.items.push({ start, explicitKey: true });
              } else {
                this.stack.push({
                  type: "block-map",
                  offset: this.offset,
                  indent: this.indent,
                  items: [{ start: [this.sourceToken], explicitKey: true }]
                });
              }
              this.onKeyLine = true;
              return;
            case "map-value-ind":
              if (it.explicitKey) {
                if (!it.sep) {
                  if (includesToken(it.start, "newline")) {
                    Object.assign(it, { key: null, sep: [this.sourceToken] });
                  } else {
                    const start2 = getFirstKeyStartProps(it.start);
                    this.stack.push({
                      type: "block-map",
                      offset: this.offset,
                      indent: this.indent,
                      items: [{ start: start2, key: null, sep: [this.sourceToken] }]
                    });
                  }
                } else if (it.value) {
                  map.items.push({ start: [], key: null, sep: [this.sourceToken] });
                } else if (includesToken(it.sep, "map-value-ind")) {
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, key: null, sep: [this.sourceToken] }]
                  });
                } else if (isFlowToken(it.key) && !includesToken(it.sep, "newline")) {
                  const start2 = getFirstKeyStartProps(it.start);
                  const key = it.key;
                  const sep3 = it.sep;
                  sep3.push(this.sourceToken);
                  delete it.key;
                  delete it.sep;
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: start2, key, sep: sep3 }]
                  });
                } else if (start.length > 0) {
                  it.sep = it.sep.concat(start, this.sourceToken);
                } else {
                  it.sep.push(this.sourceToken);
                }
              } else {
                if (!it.sep) {
                  Object.assign(it, { key: null, sep: [this.sourceToken] });
                } else if (it.value || atNextItem) {
                  map.items.push({ start, key: null, sep: [this.sourceToken] });
                } else if (includesToken(it.sep, "map-value-ind")) {
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: [], key: null, sep: [this.sourceToken] }]
                  });
                } else {
                  it.sep.push(this.sourceToken);
                }
              }
              this.onKeyLine = true;
              return;
            case "alias":
            case "scalar":
            case "single-quoted-scalar":
            case "double-quoted-scalar": {
              const fs = this.flowScalar(this.type);
              if (atNextItem || it.value) {
                map.items.push({ start, key: fs, sep: [] });
                this.onKeyLine = true;
              } else if (it.sep) {
                this.stack.push(fs);
              } else {
                Object.assign(it, { key: fs, sep: [] });
                this.onKeyLine = true;
              }
              return;
            }
            default: {
              const bv = this.startBlockValue(map);
              if (bv) {
                if (bv.type === "block-seq") {
                  if (!it.explicitKey && it.sep && !includesToken(it.sep, "newline")) {
                    yield* this.pop({
                      type: "error",
                      offset: this.offset,
                      message: "Unexpected block-seq-ind on same line with key",
                      source: this.source
                    });
                    return;
                  }
                } else if (atMapIndent) {
                  map.items.push({ start });
                }
                this.stack.push(bv);
                return;
              }
            }
          }
        }
        yield* this.pop();
        yield* this.step();
      }
      *blockSequence(seq) {
        const it = seq.items[seq.items.length - 1];
        switch (this.type) {
          case "newline":
            if (it.value) {
              const end = "end" in it.value ? it.value.end : void 0;
              const last = Array.isArray(end) ? end[end.length - 1] : void 0;
              if (last?.type === "comment")
                end?.push(this.sourceToken);
              else
                seq.items.push({ start: [this.sourceToken] });
            } else
              it.start.push(this.sourceToken);
            return;
          case "space":
          case "comment":
            if (it.value)
              seq.items.push({ start: [this.sourceToken] });
            else {
              if (this.atIndentedComment(it.start, seq.indent)) {
                const prev = seq.items[seq.items.length - 2];
                const end = prev?.value?.end;
                if (Array.isArray(end)) {
                  arrayPushArray(end, it.start);
                  end.push(this.sourceToken);
                  seq.items.pop();
                  return;
                }
              }
              it.start.push(this.sourceToken);
            }
            return;
          case "anchor":
          case "tag":
            if (it.value || this.indent <= seq.indent)
              break;
            it.start.push(this.sourceToken);
            return;
          case "seq-item-ind":
            if (this.indent !== seq.indent)
              break;
            if (it.value || includesToken(it.start, "seq-item-ind"))
              seq.items.push({ start: [this.sourceToken] });
            else
              it.start.push(this.sourceToken);
            return;
        }
        if (this.indent > seq.indent) {
          const bv = this.startBlockValue(seq);
          if (bv) {
            this.stack.push(bv);
            return;
          }
        }
        yield* this.pop();
        yield* this.step();
      }
      *flowCollection(fc) {
        const it = fc.items[fc.items.length - 1];
        if (this.type === "flow-error-end") {
          let top;
          do {
            yield* this.pop();
            top = this.peek(1);
          } while (top?.type === "flow-collection");
        } else if (fc.end.length === 0) {
          switch (this.type) {
            case "comma":
            case "explicit-key-ind":
              if (!it || it.sep)
                fc.items.push({ start: [this.sourceToken] });
              else
                it.start.push(this.sourceToken);
              return;
            case "map-value-ind":
              if (!it || it.value)
                fc.items.push({ start: [], key: null, sep: [this.sourceToken] });
              else if (it.sep)
                it.sep.push(this.sourceToken);
              else
                Object.assign(it, { key: null, sep: [this.sourceToken] });
              return;
            case "space":
            case "comment":
            case "newline":
            case "anchor":
            case "tag":
              if (!it || it.value)
                fc.items.push({ start: [this.sourceToken] });
              else if (it.sep)
                it.sep.push(this.sourceToken);
              else
                it.start.push(this.sourceToken);
              return;
            case "alias":
            case "scalar":
            case "single-quoted-scalar":
            case "double-quoted-scalar": {
              const fs = this.flowScalar(this.type);
              if (!it || it.value)
                fc.items.push({ start: [], key: fs, sep: [] });
              else if (it.sep)
                this.stack.push(fs);
              else
                Object.assign(it, { key: fs, sep: [] });
              return;
            }
            case "flow-map-end":
            case "flow-seq-end":
              fc.end.push(this.sourceToken);
              return;
          }
          const bv = this.startBlockValue(fc);
          if (bv)
            this.stack.push(bv);
          else {
            yield* this.pop();
            yield* this.step();
          }
        } else {
          const parent = this.peek(2);
          if (parent.type === "block-map" && (this.type === "map-value-ind" && parent.indent === fc.indent || this.type === "newline" && !parent.items[parent.items.length - 1].sep)) {
            yield* this.pop();
            yield* this.step();
          } else if (this.type === "map-value-ind" && parent.type !== "flow-collection") {
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            fixFlowSeqItems(fc);
            const sep3 = fc.end.splice(1, fc.end.length);
            sep3.push(this.sourceToken);
            const map = {
              type: "block-map",
              offset: fc.offset,
              indent: fc.indent,
              items: [{ start, key: fc, sep: sep3 }]
            };
            this.onKeyLine = true;
            this.stack[this.stack.length - 1] = map;
          } else {
            yield* this.lineEnd(fc);
          }
        }
      }
      flowScalar(type) {
        if (this.onNewLine) {
          let nl = this.source.indexOf("\n") + 1;
          while (nl !== 0) {
            this.onNewLine(this.offset + nl);
            nl = this.source.indexOf("\n", nl) + 1;
          }
        }
        return {
          type,
          offset: this.offset,
          indent: this.indent,
          source: this.source
        };
      }
      startBlockValue(parent) {
        switch (this.type) {
          case "alias":
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return this.flowScalar(this.type);
          case "block-scalar-header":
            return {
              type: "block-scalar",
              offset: this.offset,
              indent: this.indent,
              props: [this.sourceToken],
              source: ""
            };
          case "flow-map-start":
          case "flow-seq-start":
            return {
              type: "flow-collection",
              offset: this.offset,
              indent: this.indent,
              start: this.sourceToken,
              items: [],
              end: []
            };
          case "seq-item-ind":
            return {
              type: "block-seq",
              offset: this.offset,
              indent: this.indent,
              items: [{ start: [this.sourceToken] }]
            };
          case "explicit-key-ind": {
            this.onKeyLine = true;
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            start.push(this.sourceToken);
            return {
              type: "block-map",
              offset: this.offset,
              indent: this.indent,
              items: [{ start, explicitKey: true }]
            };
          }
          case "map-value-ind": {
            this.onKeyLine = true;
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            return {
              type: "block-map",
              offset: this.offset,
              indent: this.indent,
              items: [{ start, key: null, sep: [this.sourceToken] }]
            };
          }
        }
        return null;
      }
      atIndentedComment(start, indent) {
        if (this.type !== "comment")
          return false;
        if (this.indent <= indent)
          return false;
        return start.every((st) => st.type === "newline" || st.type === "space");
      }
      *documentEnd(docEnd) {
        if (this.type !== "doc-mode") {
          if (docEnd.end)
            docEnd.end.push(this.sourceToken);
          else
            docEnd.end = [this.sourceToken];
          if (this.type === "newline")
            yield* this.pop();
        }
      }
      *lineEnd(token) {
        switch (this.type) {
          case "comma":
          case "doc-start":
          case "doc-end":
          case "flow-seq-end":
          case "flow-map-end":
          case "map-value-ind":
            yield* this.pop();
            yield* this.step();
            break;
          case "newline":
            this.onKeyLine = false;
          // fallthrough
          case "space":
          case "comment":
          default:
            if (token.end)
              token.end.push(this.sourceToken);
            else
              token.end = [this.sourceToken];
            if (this.type === "newline")
              yield* this.pop();
        }
      }
    };
    exports.Parser = Parser;
  }
});

// node_modules/yaml/dist/public-api.js
var require_public_api = __commonJS({
  "node_modules/yaml/dist/public-api.js"(exports) {
    "use strict";
    var composer = require_composer();
    var Document = require_Document();
    var errors = require_errors();
    var log = require_log();
    var identity = require_identity();
    var lineCounter = require_line_counter();
    var parser = require_parser();
    function parseOptions(options) {
      const prettyErrors = options.prettyErrors !== false;
      const lineCounter$1 = options.lineCounter || prettyErrors && new lineCounter.LineCounter() || null;
      return { lineCounter: lineCounter$1, prettyErrors };
    }
    function parseAllDocuments2(source, options = {}) {
      const { lineCounter: lineCounter2, prettyErrors } = parseOptions(options);
      const parser$1 = new parser.Parser(lineCounter2?.addNewLine);
      const composer$1 = new composer.Composer(options);
      const docs = Array.from(composer$1.compose(parser$1.parse(source)));
      if (prettyErrors && lineCounter2)
        for (const doc of docs) {
          doc.errors.forEach(errors.prettifyError(source, lineCounter2));
          doc.warnings.forEach(errors.prettifyError(source, lineCounter2));
        }
      if (docs.length > 0)
        return docs;
      return Object.assign([], { empty: true }, composer$1.streamInfo());
    }
    function parseDocument(source, options = {}) {
      const { lineCounter: lineCounter2, prettyErrors } = parseOptions(options);
      const parser$1 = new parser.Parser(lineCounter2?.addNewLine);
      const composer$1 = new composer.Composer(options);
      let doc = null;
      for (const _doc of composer$1.compose(parser$1.parse(source), true, source.length)) {
        if (!doc)
          doc = _doc;
        else if (doc.options.logLevel !== "silent") {
          doc.errors.push(new errors.YAMLParseError(_doc.range.slice(0, 2), "MULTIPLE_DOCS", "Source contains multiple documents; please use YAML.parseAllDocuments()"));
          break;
        }
      }
      if (prettyErrors && lineCounter2) {
        doc.errors.forEach(errors.prettifyError(source, lineCounter2));
        doc.warnings.forEach(errors.prettifyError(source, lineCounter2));
      }
      return doc;
    }
    function parse(src, reviver, options) {
      let _reviver = void 0;
      if (typeof reviver === "function") {
        _reviver = reviver;
      } else if (options === void 0 && reviver && typeof reviver === "object") {
        options = reviver;
      }
      const doc = parseDocument(src, options);
      if (!doc)
        return null;
      doc.warnings.forEach((warning) => log.warn(doc.options.logLevel, warning));
      if (doc.errors.length > 0) {
        if (doc.options.logLevel !== "silent")
          throw doc.errors[0];
        else
          doc.errors = [];
      }
      return doc.toJS(Object.assign({ reviver: _reviver }, options));
    }
    function stringify(value, replacer, options) {
      let _replacer = null;
      if (typeof replacer === "function" || Array.isArray(replacer)) {
        _replacer = replacer;
      } else if (options === void 0 && replacer) {
        options = replacer;
      }
      if (typeof options === "string")
        options = options.length;
      if (typeof options === "number") {
        const indent = Math.round(options);
        options = indent < 1 ? void 0 : indent > 8 ? { indent: 8 } : { indent };
      }
      if (value === void 0) {
        const { keepUndefined } = options ?? replacer ?? {};
        if (!keepUndefined)
          return void 0;
      }
      if (identity.isDocument(value) && !_replacer)
        return value.toString(options);
      return new Document.Document(value, _replacer, options).toString(options);
    }
    exports.parse = parse;
    exports.parseAllDocuments = parseAllDocuments2;
    exports.parseDocument = parseDocument;
    exports.stringify = stringify;
  }
});

// node_modules/yaml/dist/index.js
var require_dist = __commonJS({
  "node_modules/yaml/dist/index.js"(exports) {
    "use strict";
    var composer = require_composer();
    var Document = require_Document();
    var Schema = require_Schema();
    var errors = require_errors();
    var Alias = require_Alias();
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var cst = require_cst();
    var lexer = require_lexer();
    var lineCounter = require_line_counter();
    var parser = require_parser();
    var publicApi = require_public_api();
    var visit = require_visit();
    exports.Composer = composer.Composer;
    exports.Document = Document.Document;
    exports.Schema = Schema.Schema;
    exports.YAMLError = errors.YAMLError;
    exports.YAMLParseError = errors.YAMLParseError;
    exports.YAMLWarning = errors.YAMLWarning;
    exports.Alias = Alias.Alias;
    exports.isAlias = identity.isAlias;
    exports.isCollection = identity.isCollection;
    exports.isDocument = identity.isDocument;
    exports.isMap = identity.isMap;
    exports.isNode = identity.isNode;
    exports.isPair = identity.isPair;
    exports.isScalar = identity.isScalar;
    exports.isSeq = identity.isSeq;
    exports.Pair = Pair.Pair;
    exports.Scalar = Scalar.Scalar;
    exports.YAMLMap = YAMLMap.YAMLMap;
    exports.YAMLSeq = YAMLSeq.YAMLSeq;
    exports.CST = cst;
    exports.Lexer = lexer.Lexer;
    exports.LineCounter = lineCounter.LineCounter;
    exports.Parser = parser.Parser;
    exports.parse = publicApi.parse;
    exports.parseAllDocuments = publicApi.parseAllDocuments;
    exports.parseDocument = publicApi.parseDocument;
    exports.stringify = publicApi.stringify;
    exports.visit = visit.visit;
    exports.visitAsync = visit.visitAsync;
  }
});

// node_modules/ajv/dist/compile/codegen/code.js
var require_code = __commonJS({
  "node_modules/ajv/dist/compile/codegen/code.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.regexpCode = exports.getEsmExportName = exports.getProperty = exports.safeStringify = exports.stringify = exports.strConcat = exports.addCodeArg = exports.str = exports._ = exports.nil = exports._Code = exports.Name = exports.IDENTIFIER = exports._CodeOrName = void 0;
    var _CodeOrName = class {
    };
    exports._CodeOrName = _CodeOrName;
    exports.IDENTIFIER = /^[a-z$_][a-z$_0-9]*$/i;
    var Name = class extends _CodeOrName {
      constructor(s) {
        super();
        if (!exports.IDENTIFIER.test(s))
          throw new Error("CodeGen: name must be a valid identifier");
        this.str = s;
      }
      toString() {
        return this.str;
      }
      emptyStr() {
        return false;
      }
      get names() {
        return { [this.str]: 1 };
      }
    };
    exports.Name = Name;
    var _Code = class extends _CodeOrName {
      constructor(code) {
        super();
        this._items = typeof code === "string" ? [code] : code;
      }
      toString() {
        return this.str;
      }
      emptyStr() {
        if (this._items.length > 1)
          return false;
        const item = this._items[0];
        return item === "" || item === '""';
      }
      get str() {
        var _a;
        return (_a = this._str) !== null && _a !== void 0 ? _a : this._str = this._items.reduce((s, c) => `${s}${c}`, "");
      }
      get names() {
        var _a;
        return (_a = this._names) !== null && _a !== void 0 ? _a : this._names = this._items.reduce((names2, c) => {
          if (c instanceof Name)
            names2[c.str] = (names2[c.str] || 0) + 1;
          return names2;
        }, {});
      }
    };
    exports._Code = _Code;
    exports.nil = new _Code("");
    function _(strs, ...args) {
      const code = [strs[0]];
      let i = 0;
      while (i < args.length) {
        addCodeArg(code, args[i]);
        code.push(strs[++i]);
      }
      return new _Code(code);
    }
    exports._ = _;
    var plus = new _Code("+");
    function str(strs, ...args) {
      const expr = [safeStringify(strs[0])];
      let i = 0;
      while (i < args.length) {
        expr.push(plus);
        addCodeArg(expr, args[i]);
        expr.push(plus, safeStringify(strs[++i]));
      }
      optimize(expr);
      return new _Code(expr);
    }
    exports.str = str;
    function addCodeArg(code, arg) {
      if (arg instanceof _Code)
        code.push(...arg._items);
      else if (arg instanceof Name)
        code.push(arg);
      else
        code.push(interpolate(arg));
    }
    exports.addCodeArg = addCodeArg;
    function optimize(expr) {
      let i = 1;
      while (i < expr.length - 1) {
        if (expr[i] === plus) {
          const res = mergeExprItems(expr[i - 1], expr[i + 1]);
          if (res !== void 0) {
            expr.splice(i - 1, 3, res);
            continue;
          }
          expr[i++] = "+";
        }
        i++;
      }
    }
    function mergeExprItems(a, b) {
      if (b === '""')
        return a;
      if (a === '""')
        return b;
      if (typeof a == "string") {
        if (b instanceof Name || a[a.length - 1] !== '"')
          return;
        if (typeof b != "string")
          return `${a.slice(0, -1)}${b}"`;
        if (b[0] === '"')
          return a.slice(0, -1) + b.slice(1);
        return;
      }
      if (typeof b == "string" && b[0] === '"' && !(a instanceof Name))
        return `"${a}${b.slice(1)}`;
      return;
    }
    function strConcat(c1, c2) {
      return c2.emptyStr() ? c1 : c1.emptyStr() ? c2 : str`${c1}${c2}`;
    }
    exports.strConcat = strConcat;
    function interpolate(x) {
      return typeof x == "number" || typeof x == "boolean" || x === null ? x : safeStringify(Array.isArray(x) ? x.join(",") : x);
    }
    function stringify(x) {
      return new _Code(safeStringify(x));
    }
    exports.stringify = stringify;
    function safeStringify(x) {
      return JSON.stringify(x).replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
    }
    exports.safeStringify = safeStringify;
    function getProperty(key) {
      return typeof key == "string" && exports.IDENTIFIER.test(key) ? new _Code(`.${key}`) : _`[${key}]`;
    }
    exports.getProperty = getProperty;
    function getEsmExportName(key) {
      if (typeof key == "string" && exports.IDENTIFIER.test(key)) {
        return new _Code(`${key}`);
      }
      throw new Error(`CodeGen: invalid export name: ${key}, use explicit $id name mapping`);
    }
    exports.getEsmExportName = getEsmExportName;
    function regexpCode(rx) {
      return new _Code(rx.toString());
    }
    exports.regexpCode = regexpCode;
  }
});

// node_modules/ajv/dist/compile/codegen/scope.js
var require_scope = __commonJS({
  "node_modules/ajv/dist/compile/codegen/scope.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.ValueScope = exports.ValueScopeName = exports.Scope = exports.varKinds = exports.UsedValueState = void 0;
    var code_1 = require_code();
    var ValueError = class extends Error {
      constructor(name) {
        super(`CodeGen: "code" for ${name} not defined`);
        this.value = name.value;
      }
    };
    var UsedValueState;
    (function(UsedValueState2) {
      UsedValueState2[UsedValueState2["Started"] = 0] = "Started";
      UsedValueState2[UsedValueState2["Completed"] = 1] = "Completed";
    })(UsedValueState || (exports.UsedValueState = UsedValueState = {}));
    exports.varKinds = {
      const: new code_1.Name("const"),
      let: new code_1.Name("let"),
      var: new code_1.Name("var")
    };
    var Scope = class {
      constructor({ prefixes, parent } = {}) {
        this._names = {};
        this._prefixes = prefixes;
        this._parent = parent;
      }
      toName(nameOrPrefix) {
        return nameOrPrefix instanceof code_1.Name ? nameOrPrefix : this.name(nameOrPrefix);
      }
      name(prefix) {
        return new code_1.Name(this._newName(prefix));
      }
      _newName(prefix) {
        const ng = this._names[prefix] || this._nameGroup(prefix);
        return `${prefix}${ng.index++}`;
      }
      _nameGroup(prefix) {
        var _a, _b;
        if (((_b = (_a = this._parent) === null || _a === void 0 ? void 0 : _a._prefixes) === null || _b === void 0 ? void 0 : _b.has(prefix)) || this._prefixes && !this._prefixes.has(prefix)) {
          throw new Error(`CodeGen: prefix "${prefix}" is not allowed in this scope`);
        }
        return this._names[prefix] = { prefix, index: 0 };
      }
    };
    exports.Scope = Scope;
    var ValueScopeName = class extends code_1.Name {
      constructor(prefix, nameStr) {
        super(nameStr);
        this.prefix = prefix;
      }
      setValue(value, { property, itemIndex }) {
        this.value = value;
        this.scopePath = (0, code_1._)`.${new code_1.Name(property)}[${itemIndex}]`;
      }
    };
    exports.ValueScopeName = ValueScopeName;
    var line = (0, code_1._)`\n`;
    var ValueScope = class extends Scope {
      constructor(opts) {
        super(opts);
        this._values = {};
        this._scope = opts.scope;
        this.opts = { ...opts, _n: opts.lines ? line : code_1.nil };
      }
      get() {
        return this._scope;
      }
      name(prefix) {
        return new ValueScopeName(prefix, this._newName(prefix));
      }
      value(nameOrPrefix, value) {
        var _a;
        if (value.ref === void 0)
          throw new Error("CodeGen: ref must be passed in value");
        const name = this.toName(nameOrPrefix);
        const { prefix } = name;
        const valueKey = (_a = value.key) !== null && _a !== void 0 ? _a : value.ref;
        let vs = this._values[prefix];
        if (vs) {
          const _name = vs.get(valueKey);
          if (_name)
            return _name;
        } else {
          vs = this._values[prefix] = /* @__PURE__ */ new Map();
        }
        vs.set(valueKey, name);
        const s = this._scope[prefix] || (this._scope[prefix] = []);
        const itemIndex = s.length;
        s[itemIndex] = value.ref;
        name.setValue(value, { property: prefix, itemIndex });
        return name;
      }
      getValue(prefix, keyOrRef) {
        const vs = this._values[prefix];
        if (!vs)
          return;
        return vs.get(keyOrRef);
      }
      scopeRefs(scopeName, values = this._values) {
        return this._reduceValues(values, (name) => {
          if (name.scopePath === void 0)
            throw new Error(`CodeGen: name "${name}" has no value`);
          return (0, code_1._)`${scopeName}${name.scopePath}`;
        });
      }
      scopeCode(values = this._values, usedValues, getCode) {
        return this._reduceValues(values, (name) => {
          if (name.value === void 0)
            throw new Error(`CodeGen: name "${name}" has no value`);
          return name.value.code;
        }, usedValues, getCode);
      }
      _reduceValues(values, valueCode, usedValues = {}, getCode) {
        let code = code_1.nil;
        for (const prefix in values) {
          const vs = values[prefix];
          if (!vs)
            continue;
          const nameSet = usedValues[prefix] = usedValues[prefix] || /* @__PURE__ */ new Map();
          vs.forEach((name) => {
            if (nameSet.has(name))
              return;
            nameSet.set(name, UsedValueState.Started);
            let c = valueCode(name);
            if (c) {
              const def = this.opts.es5 ? exports.varKinds.var : exports.varKinds.const;
              code = (0, code_1._)`${code}${def} ${name} = ${c};${this.opts._n}`;
            } else if (c = getCode === null || getCode === void 0 ? void 0 : getCode(name)) {
              code = (0, code_1._)`${code}${c}${this.opts._n}`;
            } else {
              throw new ValueError(name);
            }
            nameSet.set(name, UsedValueState.Completed);
          });
        }
        return code;
      }
    };
    exports.ValueScope = ValueScope;
  }
});

// node_modules/ajv/dist/compile/codegen/index.js
var require_codegen = __commonJS({
  "node_modules/ajv/dist/compile/codegen/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.or = exports.and = exports.not = exports.CodeGen = exports.operators = exports.varKinds = exports.ValueScopeName = exports.ValueScope = exports.Scope = exports.Name = exports.regexpCode = exports.stringify = exports.getProperty = exports.nil = exports.strConcat = exports.str = exports._ = void 0;
    var code_1 = require_code();
    var scope_1 = require_scope();
    var code_2 = require_code();
    Object.defineProperty(exports, "_", { enumerable: true, get: function() {
      return code_2._;
    } });
    Object.defineProperty(exports, "str", { enumerable: true, get: function() {
      return code_2.str;
    } });
    Object.defineProperty(exports, "strConcat", { enumerable: true, get: function() {
      return code_2.strConcat;
    } });
    Object.defineProperty(exports, "nil", { enumerable: true, get: function() {
      return code_2.nil;
    } });
    Object.defineProperty(exports, "getProperty", { enumerable: true, get: function() {
      return code_2.getProperty;
    } });
    Object.defineProperty(exports, "stringify", { enumerable: true, get: function() {
      return code_2.stringify;
    } });
    Object.defineProperty(exports, "regexpCode", { enumerable: true, get: function() {
      return code_2.regexpCode;
    } });
    Object.defineProperty(exports, "Name", { enumerable: true, get: function() {
      return code_2.Name;
    } });
    var scope_2 = require_scope();
    Object.defineProperty(exports, "Scope", { enumerable: true, get: function() {
      return scope_2.Scope;
    } });
    Object.defineProperty(exports, "ValueScope", { enumerable: true, get: function() {
      return scope_2.ValueScope;
    } });
    Object.defineProperty(exports, "ValueScopeName", { enumerable: true, get: function() {
      return scope_2.ValueScopeName;
    } });
    Object.defineProperty(exports, "varKinds", { enumerable: true, get: function() {
      return scope_2.varKinds;
    } });
    exports.operators = {
      GT: new code_1._Code(">"),
      GTE: new code_1._Code(">="),
      LT: new code_1._Code("<"),
      LTE: new code_1._Code("<="),
      EQ: new code_1._Code("==="),
      NEQ: new code_1._Code("!=="),
      NOT: new code_1._Code("!"),
      OR: new code_1._Code("||"),
      AND: new code_1._Code("&&"),
      ADD: new code_1._Code("+")
    };
    var Node = class {
      optimizeNodes() {
        return this;
      }
      optimizeNames(_names, _constants) {
        return this;
      }
    };
    var Def = class extends Node {
      constructor(varKind, name, rhs) {
        super();
        this.varKind = varKind;
        this.name = name;
        this.rhs = rhs;
      }
      render({ es5, _n }) {
        const varKind = es5 ? scope_1.varKinds.var : this.varKind;
        const rhs = this.rhs === void 0 ? "" : ` = ${this.rhs}`;
        return `${varKind} ${this.name}${rhs};` + _n;
      }
      optimizeNames(names2, constants) {
        if (!names2[this.name.str])
          return;
        if (this.rhs)
          this.rhs = optimizeExpr(this.rhs, names2, constants);
        return this;
      }
      get names() {
        return this.rhs instanceof code_1._CodeOrName ? this.rhs.names : {};
      }
    };
    var Assign = class extends Node {
      constructor(lhs, rhs, sideEffects) {
        super();
        this.lhs = lhs;
        this.rhs = rhs;
        this.sideEffects = sideEffects;
      }
      render({ _n }) {
        return `${this.lhs} = ${this.rhs};` + _n;
      }
      optimizeNames(names2, constants) {
        if (this.lhs instanceof code_1.Name && !names2[this.lhs.str] && !this.sideEffects)
          return;
        this.rhs = optimizeExpr(this.rhs, names2, constants);
        return this;
      }
      get names() {
        const names2 = this.lhs instanceof code_1.Name ? {} : { ...this.lhs.names };
        return addExprNames(names2, this.rhs);
      }
    };
    var AssignOp = class extends Assign {
      constructor(lhs, op, rhs, sideEffects) {
        super(lhs, rhs, sideEffects);
        this.op = op;
      }
      render({ _n }) {
        return `${this.lhs} ${this.op}= ${this.rhs};` + _n;
      }
    };
    var Label = class extends Node {
      constructor(label) {
        super();
        this.label = label;
        this.names = {};
      }
      render({ _n }) {
        return `${this.label}:` + _n;
      }
    };
    var Break = class extends Node {
      constructor(label) {
        super();
        this.label = label;
        this.names = {};
      }
      render({ _n }) {
        const label = this.label ? ` ${this.label}` : "";
        return `break${label};` + _n;
      }
    };
    var Throw = class extends Node {
      constructor(error) {
        super();
        this.error = error;
      }
      render({ _n }) {
        return `throw ${this.error};` + _n;
      }
      get names() {
        return this.error.names;
      }
    };
    var AnyCode = class extends Node {
      constructor(code) {
        super();
        this.code = code;
      }
      render({ _n }) {
        return `${this.code};` + _n;
      }
      optimizeNodes() {
        return `${this.code}` ? this : void 0;
      }
      optimizeNames(names2, constants) {
        this.code = optimizeExpr(this.code, names2, constants);
        return this;
      }
      get names() {
        return this.code instanceof code_1._CodeOrName ? this.code.names : {};
      }
    };
    var ParentNode = class extends Node {
      constructor(nodes = []) {
        super();
        this.nodes = nodes;
      }
      render(opts) {
        return this.nodes.reduce((code, n) => code + n.render(opts), "");
      }
      optimizeNodes() {
        const { nodes } = this;
        let i = nodes.length;
        while (i--) {
          const n = nodes[i].optimizeNodes();
          if (Array.isArray(n))
            nodes.splice(i, 1, ...n);
          else if (n)
            nodes[i] = n;
          else
            nodes.splice(i, 1);
        }
        return nodes.length > 0 ? this : void 0;
      }
      optimizeNames(names2, constants) {
        const { nodes } = this;
        let i = nodes.length;
        while (i--) {
          const n = nodes[i];
          if (n.optimizeNames(names2, constants))
            continue;
          subtractNames(names2, n.names);
          nodes.splice(i, 1);
        }
        return nodes.length > 0 ? this : void 0;
      }
      get names() {
        return this.nodes.reduce((names2, n) => addNames(names2, n.names), {});
      }
    };
    var BlockNode = class extends ParentNode {
      render(opts) {
        return "{" + opts._n + super.render(opts) + "}" + opts._n;
      }
    };
    var Root = class extends ParentNode {
    };
    var Else = class extends BlockNode {
    };
    Else.kind = "else";
    var If = class _If extends BlockNode {
      constructor(condition, nodes) {
        super(nodes);
        this.condition = condition;
      }
      render(opts) {
        let code = `if(${this.condition})` + super.render(opts);
        if (this.else)
          code += "else " + this.else.render(opts);
        return code;
      }
      optimizeNodes() {
        super.optimizeNodes();
        const cond = this.condition;
        if (cond === true)
          return this.nodes;
        let e = this.else;
        if (e) {
          const ns = e.optimizeNodes();
          e = this.else = Array.isArray(ns) ? new Else(ns) : ns;
        }
        if (e) {
          if (cond === false)
            return e instanceof _If ? e : e.nodes;
          if (this.nodes.length)
            return this;
          return new _If(not(cond), e instanceof _If ? [e] : e.nodes);
        }
        if (cond === false || !this.nodes.length)
          return void 0;
        return this;
      }
      optimizeNames(names2, constants) {
        var _a;
        this.else = (_a = this.else) === null || _a === void 0 ? void 0 : _a.optimizeNames(names2, constants);
        if (!(super.optimizeNames(names2, constants) || this.else))
          return;
        this.condition = optimizeExpr(this.condition, names2, constants);
        return this;
      }
      get names() {
        const names2 = super.names;
        addExprNames(names2, this.condition);
        if (this.else)
          addNames(names2, this.else.names);
        return names2;
      }
    };
    If.kind = "if";
    var For = class extends BlockNode {
    };
    For.kind = "for";
    var ForLoop = class extends For {
      constructor(iteration) {
        super();
        this.iteration = iteration;
      }
      render(opts) {
        return `for(${this.iteration})` + super.render(opts);
      }
      optimizeNames(names2, constants) {
        if (!super.optimizeNames(names2, constants))
          return;
        this.iteration = optimizeExpr(this.iteration, names2, constants);
        return this;
      }
      get names() {
        return addNames(super.names, this.iteration.names);
      }
    };
    var ForRange = class extends For {
      constructor(varKind, name, from, to) {
        super();
        this.varKind = varKind;
        this.name = name;
        this.from = from;
        this.to = to;
      }
      render(opts) {
        const varKind = opts.es5 ? scope_1.varKinds.var : this.varKind;
        const { name, from, to } = this;
        return `for(${varKind} ${name}=${from}; ${name}<${to}; ${name}++)` + super.render(opts);
      }
      get names() {
        const names2 = addExprNames(super.names, this.from);
        return addExprNames(names2, this.to);
      }
    };
    var ForIter = class extends For {
      constructor(loop, varKind, name, iterable) {
        super();
        this.loop = loop;
        this.varKind = varKind;
        this.name = name;
        this.iterable = iterable;
      }
      render(opts) {
        return `for(${this.varKind} ${this.name} ${this.loop} ${this.iterable})` + super.render(opts);
      }
      optimizeNames(names2, constants) {
        if (!super.optimizeNames(names2, constants))
          return;
        this.iterable = optimizeExpr(this.iterable, names2, constants);
        return this;
      }
      get names() {
        return addNames(super.names, this.iterable.names);
      }
    };
    var Func = class extends BlockNode {
      constructor(name, args, async) {
        super();
        this.name = name;
        this.args = args;
        this.async = async;
      }
      render(opts) {
        const _async = this.async ? "async " : "";
        return `${_async}function ${this.name}(${this.args})` + super.render(opts);
      }
    };
    Func.kind = "func";
    var Return = class extends ParentNode {
      render(opts) {
        return "return " + super.render(opts);
      }
    };
    Return.kind = "return";
    var Try = class extends BlockNode {
      render(opts) {
        let code = "try" + super.render(opts);
        if (this.catch)
          code += this.catch.render(opts);
        if (this.finally)
          code += this.finally.render(opts);
        return code;
      }
      optimizeNodes() {
        var _a, _b;
        super.optimizeNodes();
        (_a = this.catch) === null || _a === void 0 ? void 0 : _a.optimizeNodes();
        (_b = this.finally) === null || _b === void 0 ? void 0 : _b.optimizeNodes();
        return this;
      }
      optimizeNames(names2, constants) {
        var _a, _b;
        super.optimizeNames(names2, constants);
        (_a = this.catch) === null || _a === void 0 ? void 0 : _a.optimizeNames(names2, constants);
        (_b = this.finally) === null || _b === void 0 ? void 0 : _b.optimizeNames(names2, constants);
        return this;
      }
      get names() {
        const names2 = super.names;
        if (this.catch)
          addNames(names2, this.catch.names);
        if (this.finally)
          addNames(names2, this.finally.names);
        return names2;
      }
    };
    var Catch = class extends BlockNode {
      constructor(error) {
        super();
        this.error = error;
      }
      render(opts) {
        return `catch(${this.error})` + super.render(opts);
      }
    };
    Catch.kind = "catch";
    var Finally = class extends BlockNode {
      render(opts) {
        return "finally" + super.render(opts);
      }
    };
    Finally.kind = "finally";
    var CodeGen = class {
      constructor(extScope, opts = {}) {
        this._values = {};
        this._blockStarts = [];
        this._constants = {};
        this.opts = { ...opts, _n: opts.lines ? "\n" : "" };
        this._extScope = extScope;
        this._scope = new scope_1.Scope({ parent: extScope });
        this._nodes = [new Root()];
      }
      toString() {
        return this._root.render(this.opts);
      }
      // returns unique name in the internal scope
      name(prefix) {
        return this._scope.name(prefix);
      }
      // reserves unique name in the external scope
      scopeName(prefix) {
        return this._extScope.name(prefix);
      }
      // reserves unique name in the external scope and assigns value to it
      scopeValue(prefixOrName, value) {
        const name = this._extScope.value(prefixOrName, value);
        const vs = this._values[name.prefix] || (this._values[name.prefix] = /* @__PURE__ */ new Set());
        vs.add(name);
        return name;
      }
      getScopeValue(prefix, keyOrRef) {
        return this._extScope.getValue(prefix, keyOrRef);
      }
      // return code that assigns values in the external scope to the names that are used internally
      // (same names that were returned by gen.scopeName or gen.scopeValue)
      scopeRefs(scopeName) {
        return this._extScope.scopeRefs(scopeName, this._values);
      }
      scopeCode() {
        return this._extScope.scopeCode(this._values);
      }
      _def(varKind, nameOrPrefix, rhs, constant) {
        const name = this._scope.toName(nameOrPrefix);
        if (rhs !== void 0 && constant)
          this._constants[name.str] = rhs;
        this._leafNode(new Def(varKind, name, rhs));
        return name;
      }
      // `const` declaration (`var` in es5 mode)
      const(nameOrPrefix, rhs, _constant) {
        return this._def(scope_1.varKinds.const, nameOrPrefix, rhs, _constant);
      }
      // `let` declaration with optional assignment (`var` in es5 mode)
      let(nameOrPrefix, rhs, _constant) {
        return this._def(scope_1.varKinds.let, nameOrPrefix, rhs, _constant);
      }
      // `var` declaration with optional assignment
      var(nameOrPrefix, rhs, _constant) {
        return this._def(scope_1.varKinds.var, nameOrPrefix, rhs, _constant);
      }
      // assignment code
      assign(lhs, rhs, sideEffects) {
        return this._leafNode(new Assign(lhs, rhs, sideEffects));
      }
      // `+=` code
      add(lhs, rhs) {
        return this._leafNode(new AssignOp(lhs, exports.operators.ADD, rhs));
      }
      // appends passed SafeExpr to code or executes Block
      code(c) {
        if (typeof c == "function")
          c();
        else if (c !== code_1.nil)
          this._leafNode(new AnyCode(c));
        return this;
      }
      // returns code for object literal for the passed argument list of key-value pairs
      object(...keyValues) {
        const code = ["{"];
        for (const [key, value] of keyValues) {
          if (code.length > 1)
            code.push(",");
          code.push(key);
          if (key !== value || this.opts.es5) {
            code.push(":");
            (0, code_1.addCodeArg)(code, value);
          }
        }
        code.push("}");
        return new code_1._Code(code);
      }
      // `if` clause (or statement if `thenBody` and, optionally, `elseBody` are passed)
      if(condition, thenBody, elseBody) {
        this._blockNode(new If(condition));
        if (thenBody && elseBody) {
          this.code(thenBody).else().code(elseBody).endIf();
        } else if (thenBody) {
          this.code(thenBody).endIf();
        } else if (elseBody) {
          throw new Error('CodeGen: "else" body without "then" body');
        }
        return this;
      }
      // `else if` clause - invalid without `if` or after `else` clauses
      elseIf(condition) {
        return this._elseNode(new If(condition));
      }
      // `else` clause - only valid after `if` or `else if` clauses
      else() {
        return this._elseNode(new Else());
      }
      // end `if` statement (needed if gen.if was used only with condition)
      endIf() {
        return this._endBlockNode(If, Else);
      }
      _for(node, forBody) {
        this._blockNode(node);
        if (forBody)
          this.code(forBody).endFor();
        return this;
      }
      // a generic `for` clause (or statement if `forBody` is passed)
      for(iteration, forBody) {
        return this._for(new ForLoop(iteration), forBody);
      }
      // `for` statement for a range of values
      forRange(nameOrPrefix, from, to, forBody, varKind = this.opts.es5 ? scope_1.varKinds.var : scope_1.varKinds.let) {
        const name = this._scope.toName(nameOrPrefix);
        return this._for(new ForRange(varKind, name, from, to), () => forBody(name));
      }
      // `for-of` statement (in es5 mode replace with a normal for loop)
      forOf(nameOrPrefix, iterable, forBody, varKind = scope_1.varKinds.const) {
        const name = this._scope.toName(nameOrPrefix);
        if (this.opts.es5) {
          const arr = iterable instanceof code_1.Name ? iterable : this.var("_arr", iterable);
          return this.forRange("_i", 0, (0, code_1._)`${arr}.length`, (i) => {
            this.var(name, (0, code_1._)`${arr}[${i}]`);
            forBody(name);
          });
        }
        return this._for(new ForIter("of", varKind, name, iterable), () => forBody(name));
      }
      // `for-in` statement.
      // With option `ownProperties` replaced with a `for-of` loop for object keys
      forIn(nameOrPrefix, obj, forBody, varKind = this.opts.es5 ? scope_1.varKinds.var : scope_1.varKinds.const) {
        if (this.opts.ownProperties) {
          return this.forOf(nameOrPrefix, (0, code_1._)`Object.keys(${obj})`, forBody);
        }
        const name = this._scope.toName(nameOrPrefix);
        return this._for(new ForIter("in", varKind, name, obj), () => forBody(name));
      }
      // end `for` loop
      endFor() {
        return this._endBlockNode(For);
      }
      // `label` statement
      label(label) {
        return this._leafNode(new Label(label));
      }
      // `break` statement
      break(label) {
        return this._leafNode(new Break(label));
      }
      // `return` statement
      return(value) {
        const node = new Return();
        this._blockNode(node);
        this.code(value);
        if (node.nodes.length !== 1)
          throw new Error('CodeGen: "return" should have one node');
        return this._endBlockNode(Return);
      }
      // `try` statement
      try(tryBody, catchCode, finallyCode) {
        if (!catchCode && !finallyCode)
          throw new Error('CodeGen: "try" without "catch" and "finally"');
        const node = new Try();
        this._blockNode(node);
        this.code(tryBody);
        if (catchCode) {
          const error = this.name("e");
          this._currNode = node.catch = new Catch(error);
          catchCode(error);
        }
        if (finallyCode) {
          this._currNode = node.finally = new Finally();
          this.code(finallyCode);
        }
        return this._endBlockNode(Catch, Finally);
      }
      // `throw` statement
      throw(error) {
        return this._leafNode(new Throw(error));
      }
      // start self-balancing block
      block(body, nodeCount) {
        this._blockStarts.push(this._nodes.length);
        if (body)
          this.code(body).endBlock(nodeCount);
        return this;
      }
      // end the current self-balancing block
      endBlock(nodeCount) {
        const len = this._blockStarts.pop();
        if (len === void 0)
          throw new Error("CodeGen: not in self-balancing block");
        const toClose = this._nodes.length - len;
        if (toClose < 0 || nodeCount !== void 0 && toClose !== nodeCount) {
          throw new Error(`CodeGen: wrong number of nodes: ${toClose} vs ${nodeCount} expected`);
        }
        this._nodes.length = len;
        return this;
      }
      // `function` heading (or definition if funcBody is passed)
      func(name, args = code_1.nil, async, funcBody) {
        this._blockNode(new Func(name, args, async));
        if (funcBody)
          this.code(funcBody).endFunc();
        return this;
      }
      // end function definition
      endFunc() {
        return this._endBlockNode(Func);
      }
      optimize(n = 1) {
        while (n-- > 0) {
          this._root.optimizeNodes();
          this._root.optimizeNames(this._root.names, this._constants);
        }
      }
      _leafNode(node) {
        this._currNode.nodes.push(node);
        return this;
      }
      _blockNode(node) {
        this._currNode.nodes.push(node);
        this._nodes.push(node);
      }
      _endBlockNode(N1, N2) {
        const n = this._currNode;
        if (n instanceof N1 || N2 && n instanceof N2) {
          this._nodes.pop();
          return this;
        }
        throw new Error(`CodeGen: not in block "${N2 ? `${N1.kind}/${N2.kind}` : N1.kind}"`);
      }
      _elseNode(node) {
        const n = this._currNode;
        if (!(n instanceof If)) {
          throw new Error('CodeGen: "else" without "if"');
        }
        this._currNode = n.else = node;
        return this;
      }
      get _root() {
        return this._nodes[0];
      }
      get _currNode() {
        const ns = this._nodes;
        return ns[ns.length - 1];
      }
      set _currNode(node) {
        const ns = this._nodes;
        ns[ns.length - 1] = node;
      }
    };
    exports.CodeGen = CodeGen;
    function addNames(names2, from) {
      for (const n in from)
        names2[n] = (names2[n] || 0) + (from[n] || 0);
      return names2;
    }
    function addExprNames(names2, from) {
      return from instanceof code_1._CodeOrName ? addNames(names2, from.names) : names2;
    }
    function optimizeExpr(expr, names2, constants) {
      if (expr instanceof code_1.Name)
        return replaceName(expr);
      if (!canOptimize(expr))
        return expr;
      return new code_1._Code(expr._items.reduce((items, c) => {
        if (c instanceof code_1.Name)
          c = replaceName(c);
        if (c instanceof code_1._Code)
          items.push(...c._items);
        else
          items.push(c);
        return items;
      }, []));
      function replaceName(n) {
        const c = constants[n.str];
        if (c === void 0 || names2[n.str] !== 1)
          return n;
        delete names2[n.str];
        return c;
      }
      function canOptimize(e) {
        return e instanceof code_1._Code && e._items.some((c) => c instanceof code_1.Name && names2[c.str] === 1 && constants[c.str] !== void 0);
      }
    }
    function subtractNames(names2, from) {
      for (const n in from)
        names2[n] = (names2[n] || 0) - (from[n] || 0);
    }
    function not(x) {
      return typeof x == "boolean" || typeof x == "number" || x === null ? !x : (0, code_1._)`!${par(x)}`;
    }
    exports.not = not;
    var andCode = mappend(exports.operators.AND);
    function and(...args) {
      return args.reduce(andCode);
    }
    exports.and = and;
    var orCode = mappend(exports.operators.OR);
    function or(...args) {
      return args.reduce(orCode);
    }
    exports.or = or;
    function mappend(op) {
      return (x, y) => x === code_1.nil ? y : y === code_1.nil ? x : (0, code_1._)`${par(x)} ${op} ${par(y)}`;
    }
    function par(x) {
      return x instanceof code_1.Name ? x : (0, code_1._)`(${x})`;
    }
  }
});

// node_modules/ajv/dist/compile/util.js
var require_util = __commonJS({
  "node_modules/ajv/dist/compile/util.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.checkStrictMode = exports.getErrorPath = exports.Type = exports.useFunc = exports.setEvaluated = exports.evaluatedPropsToName = exports.mergeEvaluated = exports.eachItem = exports.unescapeJsonPointer = exports.escapeJsonPointer = exports.escapeFragment = exports.unescapeFragment = exports.schemaRefOrVal = exports.schemaHasRulesButRef = exports.schemaHasRules = exports.checkUnknownRules = exports.alwaysValidSchema = exports.toHash = void 0;
    var codegen_1 = require_codegen();
    var code_1 = require_code();
    function toHash(arr) {
      const hash = {};
      for (const item of arr)
        hash[item] = true;
      return hash;
    }
    exports.toHash = toHash;
    function alwaysValidSchema(it, schema) {
      if (typeof schema == "boolean")
        return schema;
      if (Object.keys(schema).length === 0)
        return true;
      checkUnknownRules(it, schema);
      return !schemaHasRules(schema, it.self.RULES.all);
    }
    exports.alwaysValidSchema = alwaysValidSchema;
    function checkUnknownRules(it, schema = it.schema) {
      const { opts, self } = it;
      if (!opts.strictSchema)
        return;
      if (typeof schema === "boolean")
        return;
      const rules = self.RULES.keywords;
      for (const key in schema) {
        if (!rules[key])
          checkStrictMode(it, `unknown keyword: "${key}"`);
      }
    }
    exports.checkUnknownRules = checkUnknownRules;
    function schemaHasRules(schema, rules) {
      if (typeof schema == "boolean")
        return !schema;
      for (const key in schema)
        if (rules[key])
          return true;
      return false;
    }
    exports.schemaHasRules = schemaHasRules;
    function schemaHasRulesButRef(schema, RULES) {
      if (typeof schema == "boolean")
        return !schema;
      for (const key in schema)
        if (key !== "$ref" && RULES.all[key])
          return true;
      return false;
    }
    exports.schemaHasRulesButRef = schemaHasRulesButRef;
    function schemaRefOrVal({ topSchemaRef, schemaPath }, schema, keyword, $data) {
      if (!$data) {
        if (typeof schema == "number" || typeof schema == "boolean")
          return schema;
        if (typeof schema == "string")
          return (0, codegen_1._)`${schema}`;
      }
      return (0, codegen_1._)`${topSchemaRef}${schemaPath}${(0, codegen_1.getProperty)(keyword)}`;
    }
    exports.schemaRefOrVal = schemaRefOrVal;
    function unescapeFragment(str) {
      return unescapeJsonPointer(decodeURIComponent(str));
    }
    exports.unescapeFragment = unescapeFragment;
    function escapeFragment(str) {
      return encodeURIComponent(escapeJsonPointer(str));
    }
    exports.escapeFragment = escapeFragment;
    function escapeJsonPointer(str) {
      if (typeof str == "number")
        return `${str}`;
      return str.replace(/~/g, "~0").replace(/\//g, "~1");
    }
    exports.escapeJsonPointer = escapeJsonPointer;
    function unescapeJsonPointer(str) {
      return str.replace(/~1/g, "/").replace(/~0/g, "~");
    }
    exports.unescapeJsonPointer = unescapeJsonPointer;
    function eachItem(xs, f) {
      if (Array.isArray(xs)) {
        for (const x of xs)
          f(x);
      } else {
        f(xs);
      }
    }
    exports.eachItem = eachItem;
    function makeMergeEvaluated({ mergeNames, mergeToName, mergeValues, resultToName }) {
      return (gen, from, to, toName) => {
        const res = to === void 0 ? from : to instanceof codegen_1.Name ? (from instanceof codegen_1.Name ? mergeNames(gen, from, to) : mergeToName(gen, from, to), to) : from instanceof codegen_1.Name ? (mergeToName(gen, to, from), from) : mergeValues(from, to);
        return toName === codegen_1.Name && !(res instanceof codegen_1.Name) ? resultToName(gen, res) : res;
      };
    }
    exports.mergeEvaluated = {
      props: makeMergeEvaluated({
        mergeNames: (gen, from, to) => gen.if((0, codegen_1._)`${to} !== true && ${from} !== undefined`, () => {
          gen.if((0, codegen_1._)`${from} === true`, () => gen.assign(to, true), () => gen.assign(to, (0, codegen_1._)`${to} || {}`).code((0, codegen_1._)`Object.assign(${to}, ${from})`));
        }),
        mergeToName: (gen, from, to) => gen.if((0, codegen_1._)`${to} !== true`, () => {
          if (from === true) {
            gen.assign(to, true);
          } else {
            gen.assign(to, (0, codegen_1._)`${to} || {}`);
            setEvaluated(gen, to, from);
          }
        }),
        mergeValues: (from, to) => from === true ? true : { ...from, ...to },
        resultToName: evaluatedPropsToName
      }),
      items: makeMergeEvaluated({
        mergeNames: (gen, from, to) => gen.if((0, codegen_1._)`${to} !== true && ${from} !== undefined`, () => gen.assign(to, (0, codegen_1._)`${from} === true ? true : ${to} > ${from} ? ${to} : ${from}`)),
        mergeToName: (gen, from, to) => gen.if((0, codegen_1._)`${to} !== true`, () => gen.assign(to, from === true ? true : (0, codegen_1._)`${to} > ${from} ? ${to} : ${from}`)),
        mergeValues: (from, to) => from === true ? true : Math.max(from, to),
        resultToName: (gen, items) => gen.var("items", items)
      })
    };
    function evaluatedPropsToName(gen, ps) {
      if (ps === true)
        return gen.var("props", true);
      const props = gen.var("props", (0, codegen_1._)`{}`);
      if (ps !== void 0)
        setEvaluated(gen, props, ps);
      return props;
    }
    exports.evaluatedPropsToName = evaluatedPropsToName;
    function setEvaluated(gen, props, ps) {
      Object.keys(ps).forEach((p) => gen.assign((0, codegen_1._)`${props}${(0, codegen_1.getProperty)(p)}`, true));
    }
    exports.setEvaluated = setEvaluated;
    var snippets = {};
    function useFunc(gen, f) {
      return gen.scopeValue("func", {
        ref: f,
        code: snippets[f.code] || (snippets[f.code] = new code_1._Code(f.code))
      });
    }
    exports.useFunc = useFunc;
    var Type;
    (function(Type2) {
      Type2[Type2["Num"] = 0] = "Num";
      Type2[Type2["Str"] = 1] = "Str";
    })(Type || (exports.Type = Type = {}));
    function getErrorPath(dataProp, dataPropType, jsPropertySyntax) {
      if (dataProp instanceof codegen_1.Name) {
        const isNumber = dataPropType === Type.Num;
        return jsPropertySyntax ? isNumber ? (0, codegen_1._)`"[" + ${dataProp} + "]"` : (0, codegen_1._)`"['" + ${dataProp} + "']"` : isNumber ? (0, codegen_1._)`"/" + ${dataProp}` : (0, codegen_1._)`"/" + ${dataProp}.replace(/~/g, "~0").replace(/\\//g, "~1")`;
      }
      return jsPropertySyntax ? (0, codegen_1.getProperty)(dataProp).toString() : "/" + escapeJsonPointer(dataProp);
    }
    exports.getErrorPath = getErrorPath;
    function checkStrictMode(it, msg, mode = it.opts.strictSchema) {
      if (!mode)
        return;
      msg = `strict mode: ${msg}`;
      if (mode === true)
        throw new Error(msg);
      it.self.logger.warn(msg);
    }
    exports.checkStrictMode = checkStrictMode;
  }
});

// node_modules/ajv/dist/compile/names.js
var require_names = __commonJS({
  "node_modules/ajv/dist/compile/names.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var names2 = {
      // validation function arguments
      data: new codegen_1.Name("data"),
      // data passed to validation function
      // args passed from referencing schema
      valCxt: new codegen_1.Name("valCxt"),
      // validation/data context - should not be used directly, it is destructured to the names below
      instancePath: new codegen_1.Name("instancePath"),
      parentData: new codegen_1.Name("parentData"),
      parentDataProperty: new codegen_1.Name("parentDataProperty"),
      rootData: new codegen_1.Name("rootData"),
      // root data - same as the data passed to the first/top validation function
      dynamicAnchors: new codegen_1.Name("dynamicAnchors"),
      // used to support recursiveRef and dynamicRef
      // function scoped variables
      vErrors: new codegen_1.Name("vErrors"),
      // null or array of validation errors
      errors: new codegen_1.Name("errors"),
      // counter of validation errors
      this: new codegen_1.Name("this"),
      // "globals"
      self: new codegen_1.Name("self"),
      scope: new codegen_1.Name("scope"),
      // JTD serialize/parse name for JSON string and position
      json: new codegen_1.Name("json"),
      jsonPos: new codegen_1.Name("jsonPos"),
      jsonLen: new codegen_1.Name("jsonLen"),
      jsonPart: new codegen_1.Name("jsonPart")
    };
    exports.default = names2;
  }
});

// node_modules/ajv/dist/compile/errors.js
var require_errors2 = __commonJS({
  "node_modules/ajv/dist/compile/errors.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.extendErrors = exports.resetErrorsCount = exports.reportExtraError = exports.reportError = exports.keyword$DataError = exports.keywordError = void 0;
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var names_1 = require_names();
    exports.keywordError = {
      message: ({ keyword }) => (0, codegen_1.str)`must pass "${keyword}" keyword validation`
    };
    exports.keyword$DataError = {
      message: ({ keyword, schemaType }) => schemaType ? (0, codegen_1.str)`"${keyword}" keyword must be ${schemaType} ($data)` : (0, codegen_1.str)`"${keyword}" keyword is invalid ($data)`
    };
    function reportError2(cxt, error = exports.keywordError, errorPaths, overrideAllErrors) {
      const { it } = cxt;
      const { gen, compositeRule, allErrors } = it;
      const errObj = errorObjectCode(cxt, error, errorPaths);
      if (overrideAllErrors !== null && overrideAllErrors !== void 0 ? overrideAllErrors : compositeRule || allErrors) {
        addError(gen, errObj);
      } else {
        returnErrors(it, (0, codegen_1._)`[${errObj}]`);
      }
    }
    exports.reportError = reportError2;
    function reportExtraError(cxt, error = exports.keywordError, errorPaths) {
      const { it } = cxt;
      const { gen, compositeRule, allErrors } = it;
      const errObj = errorObjectCode(cxt, error, errorPaths);
      addError(gen, errObj);
      if (!(compositeRule || allErrors)) {
        returnErrors(it, names_1.default.vErrors);
      }
    }
    exports.reportExtraError = reportExtraError;
    function resetErrorsCount(gen, errsCount) {
      gen.assign(names_1.default.errors, errsCount);
      gen.if((0, codegen_1._)`${names_1.default.vErrors} !== null`, () => gen.if(errsCount, () => gen.assign((0, codegen_1._)`${names_1.default.vErrors}.length`, errsCount), () => gen.assign(names_1.default.vErrors, null)));
    }
    exports.resetErrorsCount = resetErrorsCount;
    function extendErrors({ gen, keyword, schemaValue, data, errsCount, it }) {
      if (errsCount === void 0)
        throw new Error("ajv implementation error");
      const err = gen.name("err");
      gen.forRange("i", errsCount, names_1.default.errors, (i) => {
        gen.const(err, (0, codegen_1._)`${names_1.default.vErrors}[${i}]`);
        gen.if((0, codegen_1._)`${err}.instancePath === undefined`, () => gen.assign((0, codegen_1._)`${err}.instancePath`, (0, codegen_1.strConcat)(names_1.default.instancePath, it.errorPath)));
        gen.assign((0, codegen_1._)`${err}.schemaPath`, (0, codegen_1.str)`${it.errSchemaPath}/${keyword}`);
        if (it.opts.verbose) {
          gen.assign((0, codegen_1._)`${err}.schema`, schemaValue);
          gen.assign((0, codegen_1._)`${err}.data`, data);
        }
      });
    }
    exports.extendErrors = extendErrors;
    function addError(gen, errObj) {
      const err = gen.const("err", errObj);
      gen.if((0, codegen_1._)`${names_1.default.vErrors} === null`, () => gen.assign(names_1.default.vErrors, (0, codegen_1._)`[${err}]`), (0, codegen_1._)`${names_1.default.vErrors}.push(${err})`);
      gen.code((0, codegen_1._)`${names_1.default.errors}++`);
    }
    function returnErrors(it, errs) {
      const { gen, validateName, schemaEnv } = it;
      if (schemaEnv.$async) {
        gen.throw((0, codegen_1._)`new ${it.ValidationError}(${errs})`);
      } else {
        gen.assign((0, codegen_1._)`${validateName}.errors`, errs);
        gen.return(false);
      }
    }
    var E = {
      keyword: new codegen_1.Name("keyword"),
      schemaPath: new codegen_1.Name("schemaPath"),
      // also used in JTD errors
      params: new codegen_1.Name("params"),
      propertyName: new codegen_1.Name("propertyName"),
      message: new codegen_1.Name("message"),
      schema: new codegen_1.Name("schema"),
      parentSchema: new codegen_1.Name("parentSchema")
    };
    function errorObjectCode(cxt, error, errorPaths) {
      const { createErrors } = cxt.it;
      if (createErrors === false)
        return (0, codegen_1._)`{}`;
      return errorObject(cxt, error, errorPaths);
    }
    function errorObject(cxt, error, errorPaths = {}) {
      const { gen, it } = cxt;
      const keyValues = [
        errorInstancePath(it, errorPaths),
        errorSchemaPath(cxt, errorPaths)
      ];
      extraErrorProps(cxt, error, keyValues);
      return gen.object(...keyValues);
    }
    function errorInstancePath({ errorPath }, { instancePath }) {
      const instPath = instancePath ? (0, codegen_1.str)`${errorPath}${(0, util_1.getErrorPath)(instancePath, util_1.Type.Str)}` : errorPath;
      return [names_1.default.instancePath, (0, codegen_1.strConcat)(names_1.default.instancePath, instPath)];
    }
    function errorSchemaPath({ keyword, it: { errSchemaPath } }, { schemaPath, parentSchema }) {
      let schPath = parentSchema ? errSchemaPath : (0, codegen_1.str)`${errSchemaPath}/${keyword}`;
      if (schemaPath) {
        schPath = (0, codegen_1.str)`${schPath}${(0, util_1.getErrorPath)(schemaPath, util_1.Type.Str)}`;
      }
      return [E.schemaPath, schPath];
    }
    function extraErrorProps(cxt, { params, message }, keyValues) {
      const { keyword, data, schemaValue, it } = cxt;
      const { opts, propertyName, topSchemaRef, schemaPath } = it;
      keyValues.push([E.keyword, keyword], [E.params, typeof params == "function" ? params(cxt) : params || (0, codegen_1._)`{}`]);
      if (opts.messages) {
        keyValues.push([E.message, typeof message == "function" ? message(cxt) : message]);
      }
      if (opts.verbose) {
        keyValues.push([E.schema, schemaValue], [E.parentSchema, (0, codegen_1._)`${topSchemaRef}${schemaPath}`], [names_1.default.data, data]);
      }
      if (propertyName)
        keyValues.push([E.propertyName, propertyName]);
    }
  }
});

// node_modules/ajv/dist/compile/validate/boolSchema.js
var require_boolSchema = __commonJS({
  "node_modules/ajv/dist/compile/validate/boolSchema.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.boolOrEmptySchema = exports.topBoolOrEmptySchema = void 0;
    var errors_1 = require_errors2();
    var codegen_1 = require_codegen();
    var names_1 = require_names();
    var boolError = {
      message: "boolean schema is false"
    };
    function topBoolOrEmptySchema(it) {
      const { gen, schema, validateName } = it;
      if (schema === false) {
        falseSchemaError(it, false);
      } else if (typeof schema == "object" && schema.$async === true) {
        gen.return(names_1.default.data);
      } else {
        gen.assign((0, codegen_1._)`${validateName}.errors`, null);
        gen.return(true);
      }
    }
    exports.topBoolOrEmptySchema = topBoolOrEmptySchema;
    function boolOrEmptySchema(it, valid) {
      const { gen, schema } = it;
      if (schema === false) {
        gen.var(valid, false);
        falseSchemaError(it);
      } else {
        gen.var(valid, true);
      }
    }
    exports.boolOrEmptySchema = boolOrEmptySchema;
    function falseSchemaError(it, overrideAllErrors) {
      const { gen, data } = it;
      const cxt = {
        gen,
        keyword: "false schema",
        data,
        schema: false,
        schemaCode: false,
        schemaValue: false,
        params: {},
        it
      };
      (0, errors_1.reportError)(cxt, boolError, void 0, overrideAllErrors);
    }
  }
});

// node_modules/ajv/dist/compile/rules.js
var require_rules = __commonJS({
  "node_modules/ajv/dist/compile/rules.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.getRules = exports.isJSONType = void 0;
    var _jsonTypes = ["string", "number", "integer", "boolean", "null", "object", "array"];
    var jsonTypes = new Set(_jsonTypes);
    function isJSONType(x) {
      return typeof x == "string" && jsonTypes.has(x);
    }
    exports.isJSONType = isJSONType;
    function getRules() {
      const groups = {
        number: { type: "number", rules: [] },
        string: { type: "string", rules: [] },
        array: { type: "array", rules: [] },
        object: { type: "object", rules: [] }
      };
      return {
        types: { ...groups, integer: true, boolean: true, null: true },
        rules: [{ rules: [] }, groups.number, groups.string, groups.array, groups.object],
        post: { rules: [] },
        all: {},
        keywords: {}
      };
    }
    exports.getRules = getRules;
  }
});

// node_modules/ajv/dist/compile/validate/applicability.js
var require_applicability = __commonJS({
  "node_modules/ajv/dist/compile/validate/applicability.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.shouldUseRule = exports.shouldUseGroup = exports.schemaHasRulesForType = void 0;
    function schemaHasRulesForType({ schema, self }, type) {
      const group = self.RULES.types[type];
      return group && group !== true && shouldUseGroup(schema, group);
    }
    exports.schemaHasRulesForType = schemaHasRulesForType;
    function shouldUseGroup(schema, group) {
      return group.rules.some((rule) => shouldUseRule(schema, rule));
    }
    exports.shouldUseGroup = shouldUseGroup;
    function shouldUseRule(schema, rule) {
      var _a;
      return schema[rule.keyword] !== void 0 || ((_a = rule.definition.implements) === null || _a === void 0 ? void 0 : _a.some((kwd) => schema[kwd] !== void 0));
    }
    exports.shouldUseRule = shouldUseRule;
  }
});

// node_modules/ajv/dist/compile/validate/dataType.js
var require_dataType = __commonJS({
  "node_modules/ajv/dist/compile/validate/dataType.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.reportTypeError = exports.checkDataTypes = exports.checkDataType = exports.coerceAndCheckDataType = exports.getJSONTypes = exports.getSchemaTypes = exports.DataType = void 0;
    var rules_1 = require_rules();
    var applicability_1 = require_applicability();
    var errors_1 = require_errors2();
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var DataType;
    (function(DataType2) {
      DataType2[DataType2["Correct"] = 0] = "Correct";
      DataType2[DataType2["Wrong"] = 1] = "Wrong";
    })(DataType || (exports.DataType = DataType = {}));
    function getSchemaTypes(schema) {
      const types = getJSONTypes(schema.type);
      const hasNull = types.includes("null");
      if (hasNull) {
        if (schema.nullable === false)
          throw new Error("type: null contradicts nullable: false");
      } else {
        if (!types.length && schema.nullable !== void 0) {
          throw new Error('"nullable" cannot be used without "type"');
        }
        if (schema.nullable === true)
          types.push("null");
      }
      return types;
    }
    exports.getSchemaTypes = getSchemaTypes;
    function getJSONTypes(ts) {
      const types = Array.isArray(ts) ? ts : ts ? [ts] : [];
      if (types.every(rules_1.isJSONType))
        return types;
      throw new Error("type must be JSONType or JSONType[]: " + types.join(","));
    }
    exports.getJSONTypes = getJSONTypes;
    function coerceAndCheckDataType(it, types) {
      const { gen, data, opts } = it;
      const coerceTo = coerceToTypes(types, opts.coerceTypes);
      const checkTypes = types.length > 0 && !(coerceTo.length === 0 && types.length === 1 && (0, applicability_1.schemaHasRulesForType)(it, types[0]));
      if (checkTypes) {
        const wrongType = checkDataTypes(types, data, opts.strictNumbers, DataType.Wrong);
        gen.if(wrongType, () => {
          if (coerceTo.length)
            coerceData(it, types, coerceTo);
          else
            reportTypeError(it);
        });
      }
      return checkTypes;
    }
    exports.coerceAndCheckDataType = coerceAndCheckDataType;
    var COERCIBLE = /* @__PURE__ */ new Set(["string", "number", "integer", "boolean", "null"]);
    function coerceToTypes(types, coerceTypes) {
      return coerceTypes ? types.filter((t) => COERCIBLE.has(t) || coerceTypes === "array" && t === "array") : [];
    }
    function coerceData(it, types, coerceTo) {
      const { gen, data, opts } = it;
      const dataType = gen.let("dataType", (0, codegen_1._)`typeof ${data}`);
      const coerced = gen.let("coerced", (0, codegen_1._)`undefined`);
      if (opts.coerceTypes === "array") {
        gen.if((0, codegen_1._)`${dataType} == 'object' && Array.isArray(${data}) && ${data}.length == 1`, () => gen.assign(data, (0, codegen_1._)`${data}[0]`).assign(dataType, (0, codegen_1._)`typeof ${data}`).if(checkDataTypes(types, data, opts.strictNumbers), () => gen.assign(coerced, data)));
      }
      gen.if((0, codegen_1._)`${coerced} !== undefined`);
      for (const t of coerceTo) {
        if (COERCIBLE.has(t) || t === "array" && opts.coerceTypes === "array") {
          coerceSpecificType(t);
        }
      }
      gen.else();
      reportTypeError(it);
      gen.endIf();
      gen.if((0, codegen_1._)`${coerced} !== undefined`, () => {
        gen.assign(data, coerced);
        assignParentData(it, coerced);
      });
      function coerceSpecificType(t) {
        switch (t) {
          case "string":
            gen.elseIf((0, codegen_1._)`${dataType} == "number" || ${dataType} == "boolean"`).assign(coerced, (0, codegen_1._)`"" + ${data}`).elseIf((0, codegen_1._)`${data} === null`).assign(coerced, (0, codegen_1._)`""`);
            return;
          case "number":
            gen.elseIf((0, codegen_1._)`${dataType} == "boolean" || ${data} === null
              || (${dataType} == "string" && ${data} && ${data} == +${data})`).assign(coerced, (0, codegen_1._)`+${data}`);
            return;
          case "integer":
            gen.elseIf((0, codegen_1._)`${dataType} === "boolean" || ${data} === null
              || (${dataType} === "string" && ${data} && ${data} == +${data} && !(${data} % 1))`).assign(coerced, (0, codegen_1._)`+${data}`);
            return;
          case "boolean":
            gen.elseIf((0, codegen_1._)`${data} === "false" || ${data} === 0 || ${data} === null`).assign(coerced, false).elseIf((0, codegen_1._)`${data} === "true" || ${data} === 1`).assign(coerced, true);
            return;
          case "null":
            gen.elseIf((0, codegen_1._)`${data} === "" || ${data} === 0 || ${data} === false`);
            gen.assign(coerced, null);
            return;
          case "array":
            gen.elseIf((0, codegen_1._)`${dataType} === "string" || ${dataType} === "number"
              || ${dataType} === "boolean" || ${data} === null`).assign(coerced, (0, codegen_1._)`[${data}]`);
        }
      }
    }
    function assignParentData({ gen, parentData, parentDataProperty }, expr) {
      gen.if((0, codegen_1._)`${parentData} !== undefined`, () => gen.assign((0, codegen_1._)`${parentData}[${parentDataProperty}]`, expr));
    }
    function checkDataType(dataType, data, strictNums, correct = DataType.Correct) {
      const EQ = correct === DataType.Correct ? codegen_1.operators.EQ : codegen_1.operators.NEQ;
      let cond;
      switch (dataType) {
        case "null":
          return (0, codegen_1._)`${data} ${EQ} null`;
        case "array":
          cond = (0, codegen_1._)`Array.isArray(${data})`;
          break;
        case "object":
          cond = (0, codegen_1._)`${data} && typeof ${data} == "object" && !Array.isArray(${data})`;
          break;
        case "integer":
          cond = numCond((0, codegen_1._)`!(${data} % 1) && !isNaN(${data})`);
          break;
        case "number":
          cond = numCond();
          break;
        default:
          return (0, codegen_1._)`typeof ${data} ${EQ} ${dataType}`;
      }
      return correct === DataType.Correct ? cond : (0, codegen_1.not)(cond);
      function numCond(_cond = codegen_1.nil) {
        return (0, codegen_1.and)((0, codegen_1._)`typeof ${data} == "number"`, _cond, strictNums ? (0, codegen_1._)`isFinite(${data})` : codegen_1.nil);
      }
    }
    exports.checkDataType = checkDataType;
    function checkDataTypes(dataTypes, data, strictNums, correct) {
      if (dataTypes.length === 1) {
        return checkDataType(dataTypes[0], data, strictNums, correct);
      }
      let cond;
      const types = (0, util_1.toHash)(dataTypes);
      if (types.array && types.object) {
        const notObj = (0, codegen_1._)`typeof ${data} != "object"`;
        cond = types.null ? notObj : (0, codegen_1._)`!${data} || ${notObj}`;
        delete types.null;
        delete types.array;
        delete types.object;
      } else {
        cond = codegen_1.nil;
      }
      if (types.number)
        delete types.integer;
      for (const t in types)
        cond = (0, codegen_1.and)(cond, checkDataType(t, data, strictNums, correct));
      return cond;
    }
    exports.checkDataTypes = checkDataTypes;
    var typeError = {
      message: ({ schema }) => `must be ${schema}`,
      params: ({ schema, schemaValue }) => typeof schema == "string" ? (0, codegen_1._)`{type: ${schema}}` : (0, codegen_1._)`{type: ${schemaValue}}`
    };
    function reportTypeError(it) {
      const cxt = getTypeErrorContext(it);
      (0, errors_1.reportError)(cxt, typeError);
    }
    exports.reportTypeError = reportTypeError;
    function getTypeErrorContext(it) {
      const { gen, data, schema } = it;
      const schemaCode = (0, util_1.schemaRefOrVal)(it, schema, "type");
      return {
        gen,
        keyword: "type",
        data,
        schema: schema.type,
        schemaCode,
        schemaValue: schemaCode,
        parentSchema: schema,
        params: {},
        it
      };
    }
  }
});

// node_modules/ajv/dist/compile/validate/defaults.js
var require_defaults = __commonJS({
  "node_modules/ajv/dist/compile/validate/defaults.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.assignDefaults = void 0;
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    function assignDefaults(it, ty) {
      const { properties, items } = it.schema;
      if (ty === "object" && properties) {
        for (const key in properties) {
          assignDefault(it, key, properties[key].default);
        }
      } else if (ty === "array" && Array.isArray(items)) {
        items.forEach((sch, i) => assignDefault(it, i, sch.default));
      }
    }
    exports.assignDefaults = assignDefaults;
    function assignDefault(it, prop, defaultValue) {
      const { gen, compositeRule, data, opts } = it;
      if (defaultValue === void 0)
        return;
      const childData = (0, codegen_1._)`${data}${(0, codegen_1.getProperty)(prop)}`;
      if (compositeRule) {
        (0, util_1.checkStrictMode)(it, `default is ignored for: ${childData}`);
        return;
      }
      let condition = (0, codegen_1._)`${childData} === undefined`;
      if (opts.useDefaults === "empty") {
        condition = (0, codegen_1._)`${condition} || ${childData} === null || ${childData} === ""`;
      }
      gen.if(condition, (0, codegen_1._)`${childData} = ${(0, codegen_1.stringify)(defaultValue)}`);
    }
  }
});

// node_modules/ajv/dist/vocabularies/code.js
var require_code2 = __commonJS({
  "node_modules/ajv/dist/vocabularies/code.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.validateUnion = exports.validateArray = exports.usePattern = exports.callValidateCode = exports.schemaProperties = exports.allSchemaProperties = exports.noPropertyInData = exports.propertyInData = exports.isOwnProperty = exports.hasPropFunc = exports.reportMissingProp = exports.checkMissingProp = exports.checkReportMissingProp = void 0;
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var names_1 = require_names();
    var util_2 = require_util();
    function checkReportMissingProp(cxt, prop) {
      const { gen, data, it } = cxt;
      gen.if(noPropertyInData(gen, data, prop, it.opts.ownProperties), () => {
        cxt.setParams({ missingProperty: (0, codegen_1._)`${prop}` }, true);
        cxt.error();
      });
    }
    exports.checkReportMissingProp = checkReportMissingProp;
    function checkMissingProp({ gen, data, it: { opts } }, properties, missing) {
      return (0, codegen_1.or)(...properties.map((prop) => (0, codegen_1.and)(noPropertyInData(gen, data, prop, opts.ownProperties), (0, codegen_1._)`${missing} = ${prop}`)));
    }
    exports.checkMissingProp = checkMissingProp;
    function reportMissingProp(cxt, missing) {
      cxt.setParams({ missingProperty: missing }, true);
      cxt.error();
    }
    exports.reportMissingProp = reportMissingProp;
    function hasPropFunc(gen) {
      return gen.scopeValue("func", {
        // eslint-disable-next-line @typescript-eslint/unbound-method
        ref: Object.prototype.hasOwnProperty,
        code: (0, codegen_1._)`Object.prototype.hasOwnProperty`
      });
    }
    exports.hasPropFunc = hasPropFunc;
    function isOwnProperty(gen, data, property) {
      return (0, codegen_1._)`${hasPropFunc(gen)}.call(${data}, ${property})`;
    }
    exports.isOwnProperty = isOwnProperty;
    function propertyInData(gen, data, property, ownProperties) {
      const cond = (0, codegen_1._)`${data}${(0, codegen_1.getProperty)(property)} !== undefined`;
      return ownProperties ? (0, codegen_1._)`${cond} && ${isOwnProperty(gen, data, property)}` : cond;
    }
    exports.propertyInData = propertyInData;
    function noPropertyInData(gen, data, property, ownProperties) {
      const cond = (0, codegen_1._)`${data}${(0, codegen_1.getProperty)(property)} === undefined`;
      return ownProperties ? (0, codegen_1.or)(cond, (0, codegen_1.not)(isOwnProperty(gen, data, property))) : cond;
    }
    exports.noPropertyInData = noPropertyInData;
    function allSchemaProperties(schemaMap) {
      return schemaMap ? Object.keys(schemaMap).filter((p) => p !== "__proto__") : [];
    }
    exports.allSchemaProperties = allSchemaProperties;
    function schemaProperties(it, schemaMap) {
      return allSchemaProperties(schemaMap).filter((p) => !(0, util_1.alwaysValidSchema)(it, schemaMap[p]));
    }
    exports.schemaProperties = schemaProperties;
    function callValidateCode({ schemaCode, data, it: { gen, topSchemaRef, schemaPath, errorPath }, it }, func, context, passSchema) {
      const dataAndSchema = passSchema ? (0, codegen_1._)`${schemaCode}, ${data}, ${topSchemaRef}${schemaPath}` : data;
      const valCxt = [
        [names_1.default.instancePath, (0, codegen_1.strConcat)(names_1.default.instancePath, errorPath)],
        [names_1.default.parentData, it.parentData],
        [names_1.default.parentDataProperty, it.parentDataProperty],
        [names_1.default.rootData, names_1.default.rootData]
      ];
      if (it.opts.dynamicRef)
        valCxt.push([names_1.default.dynamicAnchors, names_1.default.dynamicAnchors]);
      const args = (0, codegen_1._)`${dataAndSchema}, ${gen.object(...valCxt)}`;
      return context !== codegen_1.nil ? (0, codegen_1._)`${func}.call(${context}, ${args})` : (0, codegen_1._)`${func}(${args})`;
    }
    exports.callValidateCode = callValidateCode;
    var newRegExp = (0, codegen_1._)`new RegExp`;
    function usePattern({ gen, it: { opts } }, pattern) {
      const u = opts.unicodeRegExp ? "u" : "";
      const { regExp } = opts.code;
      const rx = regExp(pattern, u);
      return gen.scopeValue("pattern", {
        key: rx.toString(),
        ref: rx,
        code: (0, codegen_1._)`${regExp.code === "new RegExp" ? newRegExp : (0, util_2.useFunc)(gen, regExp)}(${pattern}, ${u})`
      });
    }
    exports.usePattern = usePattern;
    function validateArray(cxt) {
      const { gen, data, keyword, it } = cxt;
      const valid = gen.name("valid");
      if (it.allErrors) {
        const validArr = gen.let("valid", true);
        validateItems(() => gen.assign(validArr, false));
        return validArr;
      }
      gen.var(valid, true);
      validateItems(() => gen.break());
      return valid;
      function validateItems(notValid) {
        const len = gen.const("len", (0, codegen_1._)`${data}.length`);
        gen.forRange("i", 0, len, (i) => {
          cxt.subschema({
            keyword,
            dataProp: i,
            dataPropType: util_1.Type.Num
          }, valid);
          gen.if((0, codegen_1.not)(valid), notValid);
        });
      }
    }
    exports.validateArray = validateArray;
    function validateUnion(cxt) {
      const { gen, schema, keyword, it } = cxt;
      if (!Array.isArray(schema))
        throw new Error("ajv implementation error");
      const alwaysValid = schema.some((sch) => (0, util_1.alwaysValidSchema)(it, sch));
      if (alwaysValid && !it.opts.unevaluated)
        return;
      const valid = gen.let("valid", false);
      const schValid = gen.name("_valid");
      gen.block(() => schema.forEach((_sch, i) => {
        const schCxt = cxt.subschema({
          keyword,
          schemaProp: i,
          compositeRule: true
        }, schValid);
        gen.assign(valid, (0, codegen_1._)`${valid} || ${schValid}`);
        const merged = cxt.mergeValidEvaluated(schCxt, schValid);
        if (!merged)
          gen.if((0, codegen_1.not)(valid));
      }));
      cxt.result(valid, () => cxt.reset(), () => cxt.error(true));
    }
    exports.validateUnion = validateUnion;
  }
});

// node_modules/ajv/dist/compile/validate/keyword.js
var require_keyword = __commonJS({
  "node_modules/ajv/dist/compile/validate/keyword.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.validateKeywordUsage = exports.validSchemaType = exports.funcKeywordCode = exports.macroKeywordCode = void 0;
    var codegen_1 = require_codegen();
    var names_1 = require_names();
    var code_1 = require_code2();
    var errors_1 = require_errors2();
    function macroKeywordCode(cxt, def) {
      const { gen, keyword, schema, parentSchema, it } = cxt;
      const macroSchema = def.macro.call(it.self, schema, parentSchema, it);
      const schemaRef = useKeyword(gen, keyword, macroSchema);
      if (it.opts.validateSchema !== false)
        it.self.validateSchema(macroSchema, true);
      const valid = gen.name("valid");
      cxt.subschema({
        schema: macroSchema,
        schemaPath: codegen_1.nil,
        errSchemaPath: `${it.errSchemaPath}/${keyword}`,
        topSchemaRef: schemaRef,
        compositeRule: true
      }, valid);
      cxt.pass(valid, () => cxt.error(true));
    }
    exports.macroKeywordCode = macroKeywordCode;
    function funcKeywordCode(cxt, def) {
      var _a;
      const { gen, keyword, schema, parentSchema, $data, it } = cxt;
      checkAsyncKeyword(it, def);
      const validate = !$data && def.compile ? def.compile.call(it.self, schema, parentSchema, it) : def.validate;
      const validateRef = useKeyword(gen, keyword, validate);
      const valid = gen.let("valid");
      cxt.block$data(valid, validateKeyword);
      cxt.ok((_a = def.valid) !== null && _a !== void 0 ? _a : valid);
      function validateKeyword() {
        if (def.errors === false) {
          assignValid();
          if (def.modifying)
            modifyData(cxt);
          reportErrs(() => cxt.error());
        } else {
          const ruleErrs = def.async ? validateAsync() : validateSync();
          if (def.modifying)
            modifyData(cxt);
          reportErrs(() => addErrs(cxt, ruleErrs));
        }
      }
      function validateAsync() {
        const ruleErrs = gen.let("ruleErrs", null);
        gen.try(() => assignValid((0, codegen_1._)`await `), (e) => gen.assign(valid, false).if((0, codegen_1._)`${e} instanceof ${it.ValidationError}`, () => gen.assign(ruleErrs, (0, codegen_1._)`${e}.errors`), () => gen.throw(e)));
        return ruleErrs;
      }
      function validateSync() {
        const validateErrs = (0, codegen_1._)`${validateRef}.errors`;
        gen.assign(validateErrs, null);
        assignValid(codegen_1.nil);
        return validateErrs;
      }
      function assignValid(_await = def.async ? (0, codegen_1._)`await ` : codegen_1.nil) {
        const passCxt = it.opts.passContext ? names_1.default.this : names_1.default.self;
        const passSchema = !("compile" in def && !$data || def.schema === false);
        gen.assign(valid, (0, codegen_1._)`${_await}${(0, code_1.callValidateCode)(cxt, validateRef, passCxt, passSchema)}`, def.modifying);
      }
      function reportErrs(errors) {
        var _a2;
        gen.if((0, codegen_1.not)((_a2 = def.valid) !== null && _a2 !== void 0 ? _a2 : valid), errors);
      }
    }
    exports.funcKeywordCode = funcKeywordCode;
    function modifyData(cxt) {
      const { gen, data, it } = cxt;
      gen.if(it.parentData, () => gen.assign(data, (0, codegen_1._)`${it.parentData}[${it.parentDataProperty}]`));
    }
    function addErrs(cxt, errs) {
      const { gen } = cxt;
      gen.if((0, codegen_1._)`Array.isArray(${errs})`, () => {
        gen.assign(names_1.default.vErrors, (0, codegen_1._)`${names_1.default.vErrors} === null ? ${errs} : ${names_1.default.vErrors}.concat(${errs})`).assign(names_1.default.errors, (0, codegen_1._)`${names_1.default.vErrors}.length`);
        (0, errors_1.extendErrors)(cxt);
      }, () => cxt.error());
    }
    function checkAsyncKeyword({ schemaEnv }, def) {
      if (def.async && !schemaEnv.$async)
        throw new Error("async keyword in sync schema");
    }
    function useKeyword(gen, keyword, result) {
      if (result === void 0)
        throw new Error(`keyword "${keyword}" failed to compile`);
      return gen.scopeValue("keyword", typeof result == "function" ? { ref: result } : { ref: result, code: (0, codegen_1.stringify)(result) });
    }
    function validSchemaType(schema, schemaType, allowUndefined = false) {
      return !schemaType.length || schemaType.some((st) => st === "array" ? Array.isArray(schema) : st === "object" ? schema && typeof schema == "object" && !Array.isArray(schema) : typeof schema == st || allowUndefined && typeof schema == "undefined");
    }
    exports.validSchemaType = validSchemaType;
    function validateKeywordUsage({ schema, opts, self, errSchemaPath }, def, keyword) {
      if (Array.isArray(def.keyword) ? !def.keyword.includes(keyword) : def.keyword !== keyword) {
        throw new Error("ajv implementation error");
      }
      const deps = def.dependencies;
      if (deps === null || deps === void 0 ? void 0 : deps.some((kwd) => !Object.prototype.hasOwnProperty.call(schema, kwd))) {
        throw new Error(`parent schema must have dependencies of ${keyword}: ${deps.join(",")}`);
      }
      if (def.validateSchema) {
        const valid = def.validateSchema(schema[keyword]);
        if (!valid) {
          const msg = `keyword "${keyword}" value is invalid at path "${errSchemaPath}": ` + self.errorsText(def.validateSchema.errors);
          if (opts.validateSchema === "log")
            self.logger.error(msg);
          else
            throw new Error(msg);
        }
      }
    }
    exports.validateKeywordUsage = validateKeywordUsage;
  }
});

// node_modules/ajv/dist/compile/validate/subschema.js
var require_subschema = __commonJS({
  "node_modules/ajv/dist/compile/validate/subschema.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.extendSubschemaMode = exports.extendSubschemaData = exports.getSubschema = void 0;
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    function getSubschema(it, { keyword, schemaProp, schema, schemaPath, errSchemaPath, topSchemaRef }) {
      if (keyword !== void 0 && schema !== void 0) {
        throw new Error('both "keyword" and "schema" passed, only one allowed');
      }
      if (keyword !== void 0) {
        const sch = it.schema[keyword];
        return schemaProp === void 0 ? {
          schema: sch,
          schemaPath: (0, codegen_1._)`${it.schemaPath}${(0, codegen_1.getProperty)(keyword)}`,
          errSchemaPath: `${it.errSchemaPath}/${keyword}`
        } : {
          schema: sch[schemaProp],
          schemaPath: (0, codegen_1._)`${it.schemaPath}${(0, codegen_1.getProperty)(keyword)}${(0, codegen_1.getProperty)(schemaProp)}`,
          errSchemaPath: `${it.errSchemaPath}/${keyword}/${(0, util_1.escapeFragment)(schemaProp)}`
        };
      }
      if (schema !== void 0) {
        if (schemaPath === void 0 || errSchemaPath === void 0 || topSchemaRef === void 0) {
          throw new Error('"schemaPath", "errSchemaPath" and "topSchemaRef" are required with "schema"');
        }
        return {
          schema,
          schemaPath,
          topSchemaRef,
          errSchemaPath
        };
      }
      throw new Error('either "keyword" or "schema" must be passed');
    }
    exports.getSubschema = getSubschema;
    function extendSubschemaData(subschema, it, { dataProp, dataPropType: dpType, data, dataTypes, propertyName }) {
      if (data !== void 0 && dataProp !== void 0) {
        throw new Error('both "data" and "dataProp" passed, only one allowed');
      }
      const { gen } = it;
      if (dataProp !== void 0) {
        const { errorPath, dataPathArr, opts } = it;
        const nextData = gen.let("data", (0, codegen_1._)`${it.data}${(0, codegen_1.getProperty)(dataProp)}`, true);
        dataContextProps(nextData);
        subschema.errorPath = (0, codegen_1.str)`${errorPath}${(0, util_1.getErrorPath)(dataProp, dpType, opts.jsPropertySyntax)}`;
        subschema.parentDataProperty = (0, codegen_1._)`${dataProp}`;
        subschema.dataPathArr = [...dataPathArr, subschema.parentDataProperty];
      }
      if (data !== void 0) {
        const nextData = data instanceof codegen_1.Name ? data : gen.let("data", data, true);
        dataContextProps(nextData);
        if (propertyName !== void 0)
          subschema.propertyName = propertyName;
      }
      if (dataTypes)
        subschema.dataTypes = dataTypes;
      function dataContextProps(_nextData) {
        subschema.data = _nextData;
        subschema.dataLevel = it.dataLevel + 1;
        subschema.dataTypes = [];
        it.definedProperties = /* @__PURE__ */ new Set();
        subschema.parentData = it.data;
        subschema.dataNames = [...it.dataNames, _nextData];
      }
    }
    exports.extendSubschemaData = extendSubschemaData;
    function extendSubschemaMode(subschema, { jtdDiscriminator, jtdMetadata, compositeRule, createErrors, allErrors }) {
      if (compositeRule !== void 0)
        subschema.compositeRule = compositeRule;
      if (createErrors !== void 0)
        subschema.createErrors = createErrors;
      if (allErrors !== void 0)
        subschema.allErrors = allErrors;
      subschema.jtdDiscriminator = jtdDiscriminator;
      subschema.jtdMetadata = jtdMetadata;
    }
    exports.extendSubschemaMode = extendSubschemaMode;
  }
});

// node_modules/fast-deep-equal/index.js
var require_fast_deep_equal = __commonJS({
  "node_modules/fast-deep-equal/index.js"(exports, module) {
    "use strict";
    module.exports = function equal(a, b) {
      if (a === b) return true;
      if (a && b && typeof a == "object" && typeof b == "object") {
        if (a.constructor !== b.constructor) return false;
        var length, i, keys;
        if (Array.isArray(a)) {
          length = a.length;
          if (length != b.length) return false;
          for (i = length; i-- !== 0; )
            if (!equal(a[i], b[i])) return false;
          return true;
        }
        if (a.constructor === RegExp) return a.source === b.source && a.flags === b.flags;
        if (a.valueOf !== Object.prototype.valueOf) return a.valueOf() === b.valueOf();
        if (a.toString !== Object.prototype.toString) return a.toString() === b.toString();
        keys = Object.keys(a);
        length = keys.length;
        if (length !== Object.keys(b).length) return false;
        for (i = length; i-- !== 0; )
          if (!Object.prototype.hasOwnProperty.call(b, keys[i])) return false;
        for (i = length; i-- !== 0; ) {
          var key = keys[i];
          if (!equal(a[key], b[key])) return false;
        }
        return true;
      }
      return a !== a && b !== b;
    };
  }
});

// node_modules/json-schema-traverse/index.js
var require_json_schema_traverse = __commonJS({
  "node_modules/json-schema-traverse/index.js"(exports, module) {
    "use strict";
    var traverse = module.exports = function(schema, opts, cb) {
      if (typeof opts == "function") {
        cb = opts;
        opts = {};
      }
      cb = opts.cb || cb;
      var pre = typeof cb == "function" ? cb : cb.pre || function() {
      };
      var post = cb.post || function() {
      };
      _traverse(opts, pre, post, schema, "", schema);
    };
    traverse.keywords = {
      additionalItems: true,
      items: true,
      contains: true,
      additionalProperties: true,
      propertyNames: true,
      not: true,
      if: true,
      then: true,
      else: true
    };
    traverse.arrayKeywords = {
      items: true,
      allOf: true,
      anyOf: true,
      oneOf: true
    };
    traverse.propsKeywords = {
      $defs: true,
      definitions: true,
      properties: true,
      patternProperties: true,
      dependencies: true
    };
    traverse.skipKeywords = {
      default: true,
      enum: true,
      const: true,
      required: true,
      maximum: true,
      minimum: true,
      exclusiveMaximum: true,
      exclusiveMinimum: true,
      multipleOf: true,
      maxLength: true,
      minLength: true,
      pattern: true,
      format: true,
      maxItems: true,
      minItems: true,
      uniqueItems: true,
      maxProperties: true,
      minProperties: true
    };
    function _traverse(opts, pre, post, schema, jsonPtr, rootSchema, parentJsonPtr, parentKeyword, parentSchema, keyIndex) {
      if (schema && typeof schema == "object" && !Array.isArray(schema)) {
        pre(schema, jsonPtr, rootSchema, parentJsonPtr, parentKeyword, parentSchema, keyIndex);
        for (var key in schema) {
          var sch = schema[key];
          if (Array.isArray(sch)) {
            if (key in traverse.arrayKeywords) {
              for (var i = 0; i < sch.length; i++)
                _traverse(opts, pre, post, sch[i], jsonPtr + "/" + key + "/" + i, rootSchema, jsonPtr, key, schema, i);
            }
          } else if (key in traverse.propsKeywords) {
            if (sch && typeof sch == "object") {
              for (var prop in sch)
                _traverse(opts, pre, post, sch[prop], jsonPtr + "/" + key + "/" + escapeJsonPtr(prop), rootSchema, jsonPtr, key, schema, prop);
            }
          } else if (key in traverse.keywords || opts.allKeys && !(key in traverse.skipKeywords)) {
            _traverse(opts, pre, post, sch, jsonPtr + "/" + key, rootSchema, jsonPtr, key, schema);
          }
        }
        post(schema, jsonPtr, rootSchema, parentJsonPtr, parentKeyword, parentSchema, keyIndex);
      }
    }
    function escapeJsonPtr(str) {
      return str.replace(/~/g, "~0").replace(/\//g, "~1");
    }
  }
});

// node_modules/ajv/dist/compile/resolve.js
var require_resolve = __commonJS({
  "node_modules/ajv/dist/compile/resolve.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.getSchemaRefs = exports.resolveUrl = exports.normalizeId = exports._getFullPath = exports.getFullPath = exports.inlineRef = void 0;
    var util_1 = require_util();
    var equal = require_fast_deep_equal();
    var traverse = require_json_schema_traverse();
    var SIMPLE_INLINED = /* @__PURE__ */ new Set([
      "type",
      "format",
      "pattern",
      "maxLength",
      "minLength",
      "maxProperties",
      "minProperties",
      "maxItems",
      "minItems",
      "maximum",
      "minimum",
      "uniqueItems",
      "multipleOf",
      "required",
      "enum",
      "const"
    ]);
    function inlineRef(schema, limit = true) {
      if (typeof schema == "boolean")
        return true;
      if (limit === true)
        return !hasRef(schema);
      if (!limit)
        return false;
      return countKeys(schema) <= limit;
    }
    exports.inlineRef = inlineRef;
    var REF_KEYWORDS = /* @__PURE__ */ new Set([
      "$ref",
      "$recursiveRef",
      "$recursiveAnchor",
      "$dynamicRef",
      "$dynamicAnchor"
    ]);
    function hasRef(schema) {
      for (const key in schema) {
        if (REF_KEYWORDS.has(key))
          return true;
        const sch = schema[key];
        if (Array.isArray(sch) && sch.some(hasRef))
          return true;
        if (typeof sch == "object" && hasRef(sch))
          return true;
      }
      return false;
    }
    function countKeys(schema) {
      let count = 0;
      for (const key in schema) {
        if (key === "$ref")
          return Infinity;
        count++;
        if (SIMPLE_INLINED.has(key))
          continue;
        if (typeof schema[key] == "object") {
          (0, util_1.eachItem)(schema[key], (sch) => count += countKeys(sch));
        }
        if (count === Infinity)
          return Infinity;
      }
      return count;
    }
    function getFullPath(resolver, id = "", normalize) {
      if (normalize !== false)
        id = normalizeId(id);
      const p = resolver.parse(id);
      return _getFullPath(resolver, p);
    }
    exports.getFullPath = getFullPath;
    function _getFullPath(resolver, p) {
      const serialized = resolver.serialize(p);
      return serialized.split("#")[0] + "#";
    }
    exports._getFullPath = _getFullPath;
    var TRAILING_SLASH_HASH = /#\/?$/;
    function normalizeId(id) {
      return id ? id.replace(TRAILING_SLASH_HASH, "") : "";
    }
    exports.normalizeId = normalizeId;
    function resolveUrl(resolver, baseId, id) {
      id = normalizeId(id);
      return resolver.resolve(baseId, id);
    }
    exports.resolveUrl = resolveUrl;
    var ANCHOR = /^[a-z_][-a-z0-9._]*$/i;
    function getSchemaRefs(schema, baseId) {
      if (typeof schema == "boolean")
        return {};
      const { schemaId, uriResolver } = this.opts;
      const schId = normalizeId(schema[schemaId] || baseId);
      const baseIds = { "": schId };
      const pathPrefix = getFullPath(uriResolver, schId, false);
      const localRefs = {};
      const schemaRefs = /* @__PURE__ */ new Set();
      traverse(schema, { allKeys: true }, (sch, jsonPtr, _, parentJsonPtr) => {
        if (parentJsonPtr === void 0)
          return;
        const fullPath = pathPrefix + jsonPtr;
        let innerBaseId = baseIds[parentJsonPtr];
        if (typeof sch[schemaId] == "string")
          innerBaseId = addRef.call(this, sch[schemaId]);
        addAnchor.call(this, sch.$anchor);
        addAnchor.call(this, sch.$dynamicAnchor);
        baseIds[jsonPtr] = innerBaseId;
        function addRef(ref) {
          const _resolve = this.opts.uriResolver.resolve;
          ref = normalizeId(innerBaseId ? _resolve(innerBaseId, ref) : ref);
          if (schemaRefs.has(ref))
            throw ambiguos(ref);
          schemaRefs.add(ref);
          let schOrRef = this.refs[ref];
          if (typeof schOrRef == "string")
            schOrRef = this.refs[schOrRef];
          if (typeof schOrRef == "object") {
            checkAmbiguosRef(sch, schOrRef.schema, ref);
          } else if (ref !== normalizeId(fullPath)) {
            if (ref[0] === "#") {
              checkAmbiguosRef(sch, localRefs[ref], ref);
              localRefs[ref] = sch;
            } else {
              this.refs[ref] = fullPath;
            }
          }
          return ref;
        }
        function addAnchor(anchor) {
          if (typeof anchor == "string") {
            if (!ANCHOR.test(anchor))
              throw new Error(`invalid anchor "${anchor}"`);
            addRef.call(this, `#${anchor}`);
          }
        }
      });
      return localRefs;
      function checkAmbiguosRef(sch1, sch2, ref) {
        if (sch2 !== void 0 && !equal(sch1, sch2))
          throw ambiguos(ref);
      }
      function ambiguos(ref) {
        return new Error(`reference "${ref}" resolves to more than one schema`);
      }
    }
    exports.getSchemaRefs = getSchemaRefs;
  }
});

// node_modules/ajv/dist/compile/validate/index.js
var require_validate = __commonJS({
  "node_modules/ajv/dist/compile/validate/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.getData = exports.KeywordCxt = exports.validateFunctionCode = void 0;
    var boolSchema_1 = require_boolSchema();
    var dataType_1 = require_dataType();
    var applicability_1 = require_applicability();
    var dataType_2 = require_dataType();
    var defaults_1 = require_defaults();
    var keyword_1 = require_keyword();
    var subschema_1 = require_subschema();
    var codegen_1 = require_codegen();
    var names_1 = require_names();
    var resolve_1 = require_resolve();
    var util_1 = require_util();
    var errors_1 = require_errors2();
    function validateFunctionCode(it) {
      if (isSchemaObj(it)) {
        checkKeywords(it);
        if (schemaCxtHasRules(it)) {
          topSchemaObjCode(it);
          return;
        }
      }
      validateFunction(it, () => (0, boolSchema_1.topBoolOrEmptySchema)(it));
    }
    exports.validateFunctionCode = validateFunctionCode;
    function validateFunction({ gen, validateName, schema, schemaEnv, opts }, body) {
      if (opts.code.es5) {
        gen.func(validateName, (0, codegen_1._)`${names_1.default.data}, ${names_1.default.valCxt}`, schemaEnv.$async, () => {
          gen.code((0, codegen_1._)`"use strict"; ${funcSourceUrl(schema, opts)}`);
          destructureValCxtES5(gen, opts);
          gen.code(body);
        });
      } else {
        gen.func(validateName, (0, codegen_1._)`${names_1.default.data}, ${destructureValCxt(opts)}`, schemaEnv.$async, () => gen.code(funcSourceUrl(schema, opts)).code(body));
      }
    }
    function destructureValCxt(opts) {
      return (0, codegen_1._)`{${names_1.default.instancePath}="", ${names_1.default.parentData}, ${names_1.default.parentDataProperty}, ${names_1.default.rootData}=${names_1.default.data}${opts.dynamicRef ? (0, codegen_1._)`, ${names_1.default.dynamicAnchors}={}` : codegen_1.nil}}={}`;
    }
    function destructureValCxtES5(gen, opts) {
      gen.if(names_1.default.valCxt, () => {
        gen.var(names_1.default.instancePath, (0, codegen_1._)`${names_1.default.valCxt}.${names_1.default.instancePath}`);
        gen.var(names_1.default.parentData, (0, codegen_1._)`${names_1.default.valCxt}.${names_1.default.parentData}`);
        gen.var(names_1.default.parentDataProperty, (0, codegen_1._)`${names_1.default.valCxt}.${names_1.default.parentDataProperty}`);
        gen.var(names_1.default.rootData, (0, codegen_1._)`${names_1.default.valCxt}.${names_1.default.rootData}`);
        if (opts.dynamicRef)
          gen.var(names_1.default.dynamicAnchors, (0, codegen_1._)`${names_1.default.valCxt}.${names_1.default.dynamicAnchors}`);
      }, () => {
        gen.var(names_1.default.instancePath, (0, codegen_1._)`""`);
        gen.var(names_1.default.parentData, (0, codegen_1._)`undefined`);
        gen.var(names_1.default.parentDataProperty, (0, codegen_1._)`undefined`);
        gen.var(names_1.default.rootData, names_1.default.data);
        if (opts.dynamicRef)
          gen.var(names_1.default.dynamicAnchors, (0, codegen_1._)`{}`);
      });
    }
    function topSchemaObjCode(it) {
      const { schema, opts, gen } = it;
      validateFunction(it, () => {
        if (opts.$comment && schema.$comment)
          commentKeyword(it);
        checkNoDefault(it);
        gen.let(names_1.default.vErrors, null);
        gen.let(names_1.default.errors, 0);
        if (opts.unevaluated)
          resetEvaluated(it);
        typeAndKeywords(it);
        returnResults(it);
      });
      return;
    }
    function resetEvaluated(it) {
      const { gen, validateName } = it;
      it.evaluated = gen.const("evaluated", (0, codegen_1._)`${validateName}.evaluated`);
      gen.if((0, codegen_1._)`${it.evaluated}.dynamicProps`, () => gen.assign((0, codegen_1._)`${it.evaluated}.props`, (0, codegen_1._)`undefined`));
      gen.if((0, codegen_1._)`${it.evaluated}.dynamicItems`, () => gen.assign((0, codegen_1._)`${it.evaluated}.items`, (0, codegen_1._)`undefined`));
    }
    function funcSourceUrl(schema, opts) {
      const schId = typeof schema == "object" && schema[opts.schemaId];
      return schId && (opts.code.source || opts.code.process) ? (0, codegen_1._)`/*# sourceURL=${schId} */` : codegen_1.nil;
    }
    function subschemaCode(it, valid) {
      if (isSchemaObj(it)) {
        checkKeywords(it);
        if (schemaCxtHasRules(it)) {
          subSchemaObjCode(it, valid);
          return;
        }
      }
      (0, boolSchema_1.boolOrEmptySchema)(it, valid);
    }
    function schemaCxtHasRules({ schema, self }) {
      if (typeof schema == "boolean")
        return !schema;
      for (const key in schema)
        if (self.RULES.all[key])
          return true;
      return false;
    }
    function isSchemaObj(it) {
      return typeof it.schema != "boolean";
    }
    function subSchemaObjCode(it, valid) {
      const { schema, gen, opts } = it;
      if (opts.$comment && schema.$comment)
        commentKeyword(it);
      updateContext(it);
      checkAsyncSchema(it);
      const errsCount = gen.const("_errs", names_1.default.errors);
      typeAndKeywords(it, errsCount);
      gen.var(valid, (0, codegen_1._)`${errsCount} === ${names_1.default.errors}`);
    }
    function checkKeywords(it) {
      (0, util_1.checkUnknownRules)(it);
      checkRefsAndKeywords(it);
    }
    function typeAndKeywords(it, errsCount) {
      if (it.opts.jtd)
        return schemaKeywords(it, [], false, errsCount);
      const types = (0, dataType_1.getSchemaTypes)(it.schema);
      const checkedTypes = (0, dataType_1.coerceAndCheckDataType)(it, types);
      schemaKeywords(it, types, !checkedTypes, errsCount);
    }
    function checkRefsAndKeywords(it) {
      const { schema, errSchemaPath, opts, self } = it;
      if (schema.$ref && opts.ignoreKeywordsWithRef && (0, util_1.schemaHasRulesButRef)(schema, self.RULES)) {
        self.logger.warn(`$ref: keywords ignored in schema at path "${errSchemaPath}"`);
      }
    }
    function checkNoDefault(it) {
      const { schema, opts } = it;
      if (schema.default !== void 0 && opts.useDefaults && opts.strictSchema) {
        (0, util_1.checkStrictMode)(it, "default is ignored in the schema root");
      }
    }
    function updateContext(it) {
      const schId = it.schema[it.opts.schemaId];
      if (schId)
        it.baseId = (0, resolve_1.resolveUrl)(it.opts.uriResolver, it.baseId, schId);
    }
    function checkAsyncSchema(it) {
      if (it.schema.$async && !it.schemaEnv.$async)
        throw new Error("async schema in sync schema");
    }
    function commentKeyword({ gen, schemaEnv, schema, errSchemaPath, opts }) {
      const msg = schema.$comment;
      if (opts.$comment === true) {
        gen.code((0, codegen_1._)`${names_1.default.self}.logger.log(${msg})`);
      } else if (typeof opts.$comment == "function") {
        const schemaPath = (0, codegen_1.str)`${errSchemaPath}/$comment`;
        const rootName = gen.scopeValue("root", { ref: schemaEnv.root });
        gen.code((0, codegen_1._)`${names_1.default.self}.opts.$comment(${msg}, ${schemaPath}, ${rootName}.schema)`);
      }
    }
    function returnResults(it) {
      const { gen, schemaEnv, validateName, ValidationError, opts } = it;
      if (schemaEnv.$async) {
        gen.if((0, codegen_1._)`${names_1.default.errors} === 0`, () => gen.return(names_1.default.data), () => gen.throw((0, codegen_1._)`new ${ValidationError}(${names_1.default.vErrors})`));
      } else {
        gen.assign((0, codegen_1._)`${validateName}.errors`, names_1.default.vErrors);
        if (opts.unevaluated)
          assignEvaluated(it);
        gen.return((0, codegen_1._)`${names_1.default.errors} === 0`);
      }
    }
    function assignEvaluated({ gen, evaluated, props, items }) {
      if (props instanceof codegen_1.Name)
        gen.assign((0, codegen_1._)`${evaluated}.props`, props);
      if (items instanceof codegen_1.Name)
        gen.assign((0, codegen_1._)`${evaluated}.items`, items);
    }
    function schemaKeywords(it, types, typeErrors, errsCount) {
      const { gen, schema, data, allErrors, opts, self } = it;
      const { RULES } = self;
      if (schema.$ref && (opts.ignoreKeywordsWithRef || !(0, util_1.schemaHasRulesButRef)(schema, RULES))) {
        gen.block(() => keywordCode(it, "$ref", RULES.all.$ref.definition));
        return;
      }
      if (!opts.jtd)
        checkStrictTypes(it, types);
      gen.block(() => {
        for (const group of RULES.rules)
          groupKeywords(group);
        groupKeywords(RULES.post);
      });
      function groupKeywords(group) {
        if (!(0, applicability_1.shouldUseGroup)(schema, group))
          return;
        if (group.type) {
          gen.if((0, dataType_2.checkDataType)(group.type, data, opts.strictNumbers));
          iterateKeywords(it, group);
          if (types.length === 1 && types[0] === group.type && typeErrors) {
            gen.else();
            (0, dataType_2.reportTypeError)(it);
          }
          gen.endIf();
        } else {
          iterateKeywords(it, group);
        }
        if (!allErrors)
          gen.if((0, codegen_1._)`${names_1.default.errors} === ${errsCount || 0}`);
      }
    }
    function iterateKeywords(it, group) {
      const { gen, schema, opts: { useDefaults } } = it;
      if (useDefaults)
        (0, defaults_1.assignDefaults)(it, group.type);
      gen.block(() => {
        for (const rule of group.rules) {
          if ((0, applicability_1.shouldUseRule)(schema, rule)) {
            keywordCode(it, rule.keyword, rule.definition, group.type);
          }
        }
      });
    }
    function checkStrictTypes(it, types) {
      if (it.schemaEnv.meta || !it.opts.strictTypes)
        return;
      checkContextTypes(it, types);
      if (!it.opts.allowUnionTypes)
        checkMultipleTypes(it, types);
      checkKeywordTypes(it, it.dataTypes);
    }
    function checkContextTypes(it, types) {
      if (!types.length)
        return;
      if (!it.dataTypes.length) {
        it.dataTypes = types;
        return;
      }
      types.forEach((t) => {
        if (!includesType(it.dataTypes, t)) {
          strictTypesError(it, `type "${t}" not allowed by context "${it.dataTypes.join(",")}"`);
        }
      });
      narrowSchemaTypes(it, types);
    }
    function checkMultipleTypes(it, ts) {
      if (ts.length > 1 && !(ts.length === 2 && ts.includes("null"))) {
        strictTypesError(it, "use allowUnionTypes to allow union type keyword");
      }
    }
    function checkKeywordTypes(it, ts) {
      const rules = it.self.RULES.all;
      for (const keyword in rules) {
        const rule = rules[keyword];
        if (typeof rule == "object" && (0, applicability_1.shouldUseRule)(it.schema, rule)) {
          const { type } = rule.definition;
          if (type.length && !type.some((t) => hasApplicableType(ts, t))) {
            strictTypesError(it, `missing type "${type.join(",")}" for keyword "${keyword}"`);
          }
        }
      }
    }
    function hasApplicableType(schTs, kwdT) {
      return schTs.includes(kwdT) || kwdT === "number" && schTs.includes("integer");
    }
    function includesType(ts, t) {
      return ts.includes(t) || t === "integer" && ts.includes("number");
    }
    function narrowSchemaTypes(it, withTypes) {
      const ts = [];
      for (const t of it.dataTypes) {
        if (includesType(withTypes, t))
          ts.push(t);
        else if (withTypes.includes("integer") && t === "number")
          ts.push("integer");
      }
      it.dataTypes = ts;
    }
    function strictTypesError(it, msg) {
      const schemaPath = it.schemaEnv.baseId + it.errSchemaPath;
      msg += ` at "${schemaPath}" (strictTypes)`;
      (0, util_1.checkStrictMode)(it, msg, it.opts.strictTypes);
    }
    var KeywordCxt = class {
      constructor(it, def, keyword) {
        (0, keyword_1.validateKeywordUsage)(it, def, keyword);
        this.gen = it.gen;
        this.allErrors = it.allErrors;
        this.keyword = keyword;
        this.data = it.data;
        this.schema = it.schema[keyword];
        this.$data = def.$data && it.opts.$data && this.schema && this.schema.$data;
        this.schemaValue = (0, util_1.schemaRefOrVal)(it, this.schema, keyword, this.$data);
        this.schemaType = def.schemaType;
        this.parentSchema = it.schema;
        this.params = {};
        this.it = it;
        this.def = def;
        if (this.$data) {
          this.schemaCode = it.gen.const("vSchema", getData(this.$data, it));
        } else {
          this.schemaCode = this.schemaValue;
          if (!(0, keyword_1.validSchemaType)(this.schema, def.schemaType, def.allowUndefined)) {
            throw new Error(`${keyword} value must be ${JSON.stringify(def.schemaType)}`);
          }
        }
        if ("code" in def ? def.trackErrors : def.errors !== false) {
          this.errsCount = it.gen.const("_errs", names_1.default.errors);
        }
      }
      result(condition, successAction, failAction) {
        this.failResult((0, codegen_1.not)(condition), successAction, failAction);
      }
      failResult(condition, successAction, failAction) {
        this.gen.if(condition);
        if (failAction)
          failAction();
        else
          this.error();
        if (successAction) {
          this.gen.else();
          successAction();
          if (this.allErrors)
            this.gen.endIf();
        } else {
          if (this.allErrors)
            this.gen.endIf();
          else
            this.gen.else();
        }
      }
      pass(condition, failAction) {
        this.failResult((0, codegen_1.not)(condition), void 0, failAction);
      }
      fail(condition) {
        if (condition === void 0) {
          this.error();
          if (!this.allErrors)
            this.gen.if(false);
          return;
        }
        this.gen.if(condition);
        this.error();
        if (this.allErrors)
          this.gen.endIf();
        else
          this.gen.else();
      }
      fail$data(condition) {
        if (!this.$data)
          return this.fail(condition);
        const { schemaCode } = this;
        this.fail((0, codegen_1._)`${schemaCode} !== undefined && (${(0, codegen_1.or)(this.invalid$data(), condition)})`);
      }
      error(append2, errorParams, errorPaths) {
        if (errorParams) {
          this.setParams(errorParams);
          this._error(append2, errorPaths);
          this.setParams({});
          return;
        }
        this._error(append2, errorPaths);
      }
      _error(append2, errorPaths) {
        ;
        (append2 ? errors_1.reportExtraError : errors_1.reportError)(this, this.def.error, errorPaths);
      }
      $dataError() {
        (0, errors_1.reportError)(this, this.def.$dataError || errors_1.keyword$DataError);
      }
      reset() {
        if (this.errsCount === void 0)
          throw new Error('add "trackErrors" to keyword definition');
        (0, errors_1.resetErrorsCount)(this.gen, this.errsCount);
      }
      ok(cond) {
        if (!this.allErrors)
          this.gen.if(cond);
      }
      setParams(obj, assign) {
        if (assign)
          Object.assign(this.params, obj);
        else
          this.params = obj;
      }
      block$data(valid, codeBlock, $dataValid = codegen_1.nil) {
        this.gen.block(() => {
          this.check$data(valid, $dataValid);
          codeBlock();
        });
      }
      check$data(valid = codegen_1.nil, $dataValid = codegen_1.nil) {
        if (!this.$data)
          return;
        const { gen, schemaCode, schemaType, def } = this;
        gen.if((0, codegen_1.or)((0, codegen_1._)`${schemaCode} === undefined`, $dataValid));
        if (valid !== codegen_1.nil)
          gen.assign(valid, true);
        if (schemaType.length || def.validateSchema) {
          gen.elseIf(this.invalid$data());
          this.$dataError();
          if (valid !== codegen_1.nil)
            gen.assign(valid, false);
        }
        gen.else();
      }
      invalid$data() {
        const { gen, schemaCode, schemaType, def, it } = this;
        return (0, codegen_1.or)(wrong$DataType(), invalid$DataSchema());
        function wrong$DataType() {
          if (schemaType.length) {
            if (!(schemaCode instanceof codegen_1.Name))
              throw new Error("ajv implementation error");
            const st = Array.isArray(schemaType) ? schemaType : [schemaType];
            return (0, codegen_1._)`${(0, dataType_2.checkDataTypes)(st, schemaCode, it.opts.strictNumbers, dataType_2.DataType.Wrong)}`;
          }
          return codegen_1.nil;
        }
        function invalid$DataSchema() {
          if (def.validateSchema) {
            const validateSchemaRef = gen.scopeValue("validate$data", { ref: def.validateSchema });
            return (0, codegen_1._)`!${validateSchemaRef}(${schemaCode})`;
          }
          return codegen_1.nil;
        }
      }
      subschema(appl, valid) {
        const subschema = (0, subschema_1.getSubschema)(this.it, appl);
        (0, subschema_1.extendSubschemaData)(subschema, this.it, appl);
        (0, subschema_1.extendSubschemaMode)(subschema, appl);
        const nextContext = { ...this.it, ...subschema, items: void 0, props: void 0 };
        subschemaCode(nextContext, valid);
        return nextContext;
      }
      mergeEvaluated(schemaCxt, toName) {
        const { it, gen } = this;
        if (!it.opts.unevaluated)
          return;
        if (it.props !== true && schemaCxt.props !== void 0) {
          it.props = util_1.mergeEvaluated.props(gen, schemaCxt.props, it.props, toName);
        }
        if (it.items !== true && schemaCxt.items !== void 0) {
          it.items = util_1.mergeEvaluated.items(gen, schemaCxt.items, it.items, toName);
        }
      }
      mergeValidEvaluated(schemaCxt, valid) {
        const { it, gen } = this;
        if (it.opts.unevaluated && (it.props !== true || it.items !== true)) {
          gen.if(valid, () => this.mergeEvaluated(schemaCxt, codegen_1.Name));
          return true;
        }
      }
    };
    exports.KeywordCxt = KeywordCxt;
    function keywordCode(it, keyword, def, ruleType) {
      const cxt = new KeywordCxt(it, def, keyword);
      if ("code" in def) {
        def.code(cxt, ruleType);
      } else if (cxt.$data && def.validate) {
        (0, keyword_1.funcKeywordCode)(cxt, def);
      } else if ("macro" in def) {
        (0, keyword_1.macroKeywordCode)(cxt, def);
      } else if (def.compile || def.validate) {
        (0, keyword_1.funcKeywordCode)(cxt, def);
      }
    }
    var JSON_POINTER = /^\/(?:[^~]|~0|~1)*$/;
    var RELATIVE_JSON_POINTER = /^([0-9]+)(#|\/(?:[^~]|~0|~1)*)?$/;
    function getData($data, { dataLevel, dataNames, dataPathArr }) {
      let jsonPointer;
      let data;
      if ($data === "")
        return names_1.default.rootData;
      if ($data[0] === "/") {
        if (!JSON_POINTER.test($data))
          throw new Error(`Invalid JSON-pointer: ${$data}`);
        jsonPointer = $data;
        data = names_1.default.rootData;
      } else {
        const matches = RELATIVE_JSON_POINTER.exec($data);
        if (!matches)
          throw new Error(`Invalid JSON-pointer: ${$data}`);
        const up = +matches[1];
        jsonPointer = matches[2];
        if (jsonPointer === "#") {
          if (up >= dataLevel)
            throw new Error(errorMsg("property/index", up));
          return dataPathArr[dataLevel - up];
        }
        if (up > dataLevel)
          throw new Error(errorMsg("data", up));
        data = dataNames[dataLevel - up];
        if (!jsonPointer)
          return data;
      }
      let expr = data;
      const segments = jsonPointer.split("/");
      for (const segment of segments) {
        if (segment) {
          data = (0, codegen_1._)`${data}${(0, codegen_1.getProperty)((0, util_1.unescapeJsonPointer)(segment))}`;
          expr = (0, codegen_1._)`${expr} && ${data}`;
        }
      }
      return expr;
      function errorMsg(pointerType, up) {
        return `Cannot access ${pointerType} ${up} levels up, current level is ${dataLevel}`;
      }
    }
    exports.getData = getData;
  }
});

// node_modules/ajv/dist/runtime/validation_error.js
var require_validation_error = __commonJS({
  "node_modules/ajv/dist/runtime/validation_error.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var ValidationError = class extends Error {
      constructor(errors) {
        super("validation failed");
        this.errors = errors;
        this.ajv = this.validation = true;
      }
    };
    exports.default = ValidationError;
  }
});

// node_modules/ajv/dist/compile/ref_error.js
var require_ref_error = __commonJS({
  "node_modules/ajv/dist/compile/ref_error.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var resolve_1 = require_resolve();
    var MissingRefError = class extends Error {
      constructor(resolver, baseId, ref, msg) {
        super(msg || `can't resolve reference ${ref} from id ${baseId}`);
        this.missingRef = (0, resolve_1.resolveUrl)(resolver, baseId, ref);
        this.missingSchema = (0, resolve_1.normalizeId)((0, resolve_1.getFullPath)(resolver, this.missingRef));
      }
    };
    exports.default = MissingRefError;
  }
});

// node_modules/ajv/dist/compile/index.js
var require_compile = __commonJS({
  "node_modules/ajv/dist/compile/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.resolveSchema = exports.getCompilingSchema = exports.resolveRef = exports.compileSchema = exports.SchemaEnv = void 0;
    var codegen_1 = require_codegen();
    var validation_error_1 = require_validation_error();
    var names_1 = require_names();
    var resolve_1 = require_resolve();
    var util_1 = require_util();
    var validate_1 = require_validate();
    var SchemaEnv = class {
      constructor(env) {
        var _a;
        this.refs = {};
        this.dynamicAnchors = {};
        let schema;
        if (typeof env.schema == "object")
          schema = env.schema;
        this.schema = env.schema;
        this.schemaId = env.schemaId;
        this.root = env.root || this;
        this.baseId = (_a = env.baseId) !== null && _a !== void 0 ? _a : (0, resolve_1.normalizeId)(schema === null || schema === void 0 ? void 0 : schema[env.schemaId || "$id"]);
        this.schemaPath = env.schemaPath;
        this.localRefs = env.localRefs;
        this.meta = env.meta;
        this.$async = schema === null || schema === void 0 ? void 0 : schema.$async;
        this.refs = {};
      }
    };
    exports.SchemaEnv = SchemaEnv;
    function compileSchema(sch) {
      const _sch = getCompilingSchema.call(this, sch);
      if (_sch)
        return _sch;
      const rootId = (0, resolve_1.getFullPath)(this.opts.uriResolver, sch.root.baseId);
      const { es5, lines } = this.opts.code;
      const { ownProperties } = this.opts;
      const gen = new codegen_1.CodeGen(this.scope, { es5, lines, ownProperties });
      let _ValidationError;
      if (sch.$async) {
        _ValidationError = gen.scopeValue("Error", {
          ref: validation_error_1.default,
          code: (0, codegen_1._)`require("ajv/dist/runtime/validation_error").default`
        });
      }
      const validateName = gen.scopeName("validate");
      sch.validateName = validateName;
      const schemaCxt = {
        gen,
        allErrors: this.opts.allErrors,
        data: names_1.default.data,
        parentData: names_1.default.parentData,
        parentDataProperty: names_1.default.parentDataProperty,
        dataNames: [names_1.default.data],
        dataPathArr: [codegen_1.nil],
        // TODO can its length be used as dataLevel if nil is removed?
        dataLevel: 0,
        dataTypes: [],
        definedProperties: /* @__PURE__ */ new Set(),
        topSchemaRef: gen.scopeValue("schema", this.opts.code.source === true ? { ref: sch.schema, code: (0, codegen_1.stringify)(sch.schema) } : { ref: sch.schema }),
        validateName,
        ValidationError: _ValidationError,
        schema: sch.schema,
        schemaEnv: sch,
        rootId,
        baseId: sch.baseId || rootId,
        schemaPath: codegen_1.nil,
        errSchemaPath: sch.schemaPath || (this.opts.jtd ? "" : "#"),
        errorPath: (0, codegen_1._)`""`,
        opts: this.opts,
        self: this
      };
      let sourceCode;
      try {
        this._compilations.add(sch);
        (0, validate_1.validateFunctionCode)(schemaCxt);
        gen.optimize(this.opts.code.optimize);
        const validateCode = gen.toString();
        sourceCode = `${gen.scopeRefs(names_1.default.scope)}return ${validateCode}`;
        if (this.opts.code.process)
          sourceCode = this.opts.code.process(sourceCode, sch);
        const makeValidate = new Function(`${names_1.default.self}`, `${names_1.default.scope}`, sourceCode);
        const validate = makeValidate(this, this.scope.get());
        this.scope.value(validateName, { ref: validate });
        validate.errors = null;
        validate.schema = sch.schema;
        validate.schemaEnv = sch;
        if (sch.$async)
          validate.$async = true;
        if (this.opts.code.source === true) {
          validate.source = { validateName, validateCode, scopeValues: gen._values };
        }
        if (this.opts.unevaluated) {
          const { props, items } = schemaCxt;
          validate.evaluated = {
            props: props instanceof codegen_1.Name ? void 0 : props,
            items: items instanceof codegen_1.Name ? void 0 : items,
            dynamicProps: props instanceof codegen_1.Name,
            dynamicItems: items instanceof codegen_1.Name
          };
          if (validate.source)
            validate.source.evaluated = (0, codegen_1.stringify)(validate.evaluated);
        }
        sch.validate = validate;
        return sch;
      } catch (e) {
        delete sch.validate;
        delete sch.validateName;
        if (sourceCode)
          this.logger.error("Error compiling schema, function code:", sourceCode);
        throw e;
      } finally {
        this._compilations.delete(sch);
      }
    }
    exports.compileSchema = compileSchema;
    function resolveRef(root, baseId, ref) {
      var _a;
      ref = (0, resolve_1.resolveUrl)(this.opts.uriResolver, baseId, ref);
      const schOrFunc = root.refs[ref];
      if (schOrFunc)
        return schOrFunc;
      let _sch = resolve7.call(this, root, ref);
      if (_sch === void 0) {
        const schema = (_a = root.localRefs) === null || _a === void 0 ? void 0 : _a[ref];
        const { schemaId } = this.opts;
        if (schema)
          _sch = new SchemaEnv({ schema, schemaId, root, baseId });
      }
      if (_sch === void 0)
        return;
      return root.refs[ref] = inlineOrCompile.call(this, _sch);
    }
    exports.resolveRef = resolveRef;
    function inlineOrCompile(sch) {
      if ((0, resolve_1.inlineRef)(sch.schema, this.opts.inlineRefs))
        return sch.schema;
      return sch.validate ? sch : compileSchema.call(this, sch);
    }
    function getCompilingSchema(schEnv) {
      for (const sch of this._compilations) {
        if (sameSchemaEnv(sch, schEnv))
          return sch;
      }
    }
    exports.getCompilingSchema = getCompilingSchema;
    function sameSchemaEnv(s1, s2) {
      return s1.schema === s2.schema && s1.root === s2.root && s1.baseId === s2.baseId;
    }
    function resolve7(root, ref) {
      let sch;
      while (typeof (sch = this.refs[ref]) == "string")
        ref = sch;
      return sch || this.schemas[ref] || resolveSchema.call(this, root, ref);
    }
    function resolveSchema(root, ref) {
      const p = this.opts.uriResolver.parse(ref);
      const refPath = (0, resolve_1._getFullPath)(this.opts.uriResolver, p);
      let baseId = (0, resolve_1.getFullPath)(this.opts.uriResolver, root.baseId, void 0);
      if (Object.keys(root.schema).length > 0 && refPath === baseId) {
        return getJsonPointer.call(this, p, root);
      }
      const id = (0, resolve_1.normalizeId)(refPath);
      const schOrRef = this.refs[id] || this.schemas[id];
      if (typeof schOrRef == "string") {
        const sch = resolveSchema.call(this, root, schOrRef);
        if (typeof (sch === null || sch === void 0 ? void 0 : sch.schema) !== "object")
          return;
        return getJsonPointer.call(this, p, sch);
      }
      if (typeof (schOrRef === null || schOrRef === void 0 ? void 0 : schOrRef.schema) !== "object")
        return;
      if (!schOrRef.validate)
        compileSchema.call(this, schOrRef);
      if (id === (0, resolve_1.normalizeId)(ref)) {
        const { schema } = schOrRef;
        const { schemaId } = this.opts;
        const schId = schema[schemaId];
        if (schId)
          baseId = (0, resolve_1.resolveUrl)(this.opts.uriResolver, baseId, schId);
        return new SchemaEnv({ schema, schemaId, root, baseId });
      }
      return getJsonPointer.call(this, p, schOrRef);
    }
    exports.resolveSchema = resolveSchema;
    var PREVENT_SCOPE_CHANGE = /* @__PURE__ */ new Set([
      "properties",
      "patternProperties",
      "enum",
      "dependencies",
      "definitions"
    ]);
    function getJsonPointer(parsedRef, { baseId, schema, root }) {
      var _a;
      if (((_a = parsedRef.fragment) === null || _a === void 0 ? void 0 : _a[0]) !== "/")
        return;
      for (const part of parsedRef.fragment.slice(1).split("/")) {
        if (typeof schema === "boolean")
          return;
        const partSchema = schema[(0, util_1.unescapeFragment)(part)];
        if (partSchema === void 0)
          return;
        schema = partSchema;
        const schId = typeof schema === "object" && schema[this.opts.schemaId];
        if (!PREVENT_SCOPE_CHANGE.has(part) && schId) {
          baseId = (0, resolve_1.resolveUrl)(this.opts.uriResolver, baseId, schId);
        }
      }
      let env;
      if (typeof schema != "boolean" && schema.$ref && !(0, util_1.schemaHasRulesButRef)(schema, this.RULES)) {
        const $ref = (0, resolve_1.resolveUrl)(this.opts.uriResolver, baseId, schema.$ref);
        env = resolveSchema.call(this, root, $ref);
      }
      const { schemaId } = this.opts;
      env = env || new SchemaEnv({ schema, schemaId, root, baseId });
      if (env.schema !== env.root.schema)
        return env;
      return void 0;
    }
  }
});

// node_modules/ajv/dist/refs/data.json
var require_data = __commonJS({
  "node_modules/ajv/dist/refs/data.json"(exports, module) {
    module.exports = {
      $id: "https://raw.githubusercontent.com/ajv-validator/ajv/master/lib/refs/data.json#",
      description: "Meta-schema for $data reference (JSON AnySchema extension proposal)",
      type: "object",
      required: ["$data"],
      properties: {
        $data: {
          type: "string",
          anyOf: [{ format: "relative-json-pointer" }, { format: "json-pointer" }]
        }
      },
      additionalProperties: false
    };
  }
});

// node_modules/fast-uri/lib/utils.js
var require_utils = __commonJS({
  "node_modules/fast-uri/lib/utils.js"(exports, module) {
    "use strict";
    var isUUID = RegExp.prototype.test.bind(/^[\da-f]{8}-[\da-f]{4}-[\da-f]{4}-[\da-f]{4}-[\da-f]{12}$/iu);
    var isIPv4 = RegExp.prototype.test.bind(/^(?:(?:25[0-5]|2[0-4]\d|1\d{2}|[1-9]\d|\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d{2}|[1-9]\d|\d)$/u);
    var isPort = RegExp.prototype.test.bind(/^\d*$/u);
    var isHexPair = RegExp.prototype.test.bind(/^[\da-f]{2}$/iu);
    var isUnreserved = RegExp.prototype.test.bind(/^[\da-z\-._~]$/iu);
    var isPathCharacter = RegExp.prototype.test.bind(/^[A-Za-z0-9\-._~!$&'()*+,;=:@/]$/u);
    var isQueryFragmentCharacter = RegExp.prototype.test.bind(/^[A-Za-z0-9\-._~!$&'()*+,;=:@/?]$/u);
    var isUserinfoCharacter = RegExp.prototype.test.bind(/^[A-Za-z0-9\-._~!$&'()*+,;=:]$/u);
    var BYTE_HEX = new Array(256);
    {
      const HEX_DIGITS = "0123456789ABCDEF";
      for (let i = 0; i < 256; i++) {
        BYTE_HEX[i] = "%" + HEX_DIGITS[i >> 4] + HEX_DIGITS[i & 15];
      }
    }
    function percentEncodeNonAscii(cp) {
      if (cp < 2048) {
        return BYTE_HEX[192 | cp >> 6] + BYTE_HEX[128 | cp & 63];
      }
      if (cp < 65536) {
        return BYTE_HEX[224 | cp >> 12] + BYTE_HEX[128 | cp >> 6 & 63] + BYTE_HEX[128 | cp & 63];
      }
      return BYTE_HEX[240 | cp >> 18] + BYTE_HEX[128 | cp >> 12 & 63] + BYTE_HEX[128 | cp >> 6 & 63] + BYTE_HEX[128 | cp & 63];
    }
    function stringArrayToHexStripped(input) {
      let acc = "";
      let code = 0;
      let i = 0;
      for (i = 0; i < input.length; i++) {
        code = input[i].charCodeAt(0);
        if (code === 48) {
          continue;
        }
        if (!(code >= 48 && code <= 57 || code >= 65 && code <= 70 || code >= 97 && code <= 102)) {
          return "";
        }
        acc += input[i];
        break;
      }
      for (i += 1; i < input.length; i++) {
        code = input[i].charCodeAt(0);
        if (!(code >= 48 && code <= 57 || code >= 65 && code <= 70 || code >= 97 && code <= 102)) {
          return "";
        }
        acc += input[i];
      }
      return acc;
    }
    var isHextet = RegExp.prototype.test.bind(/^[\dA-Fa-f]{1,4}$/);
    var isIPvFuture = RegExp.prototype.test.bind(/^[vV][\dA-Fa-f]+\.[A-Za-z\d\-._~!$&'()*+,;=:]+$/);
    var isZoneCharacter = RegExp.prototype.test.bind(/^[A-Za-z\d\-._~]$/);
    var nonSimpleDomain = RegExp.prototype.test.bind(/[^!"$&'()*+,\-.;=_`a-z{}~]/u);
    function isZoneIdentifier(zone) {
      if (zone.length === 0) return false;
      for (let i = 0; i < zone.length; i++) {
        if (isZoneCharacter(zone[i])) continue;
        if (zone[i] === "%" && i + 2 < zone.length && isHexPair(zone.slice(i + 1, i + 3))) {
          i += 2;
          continue;
        }
        return false;
      }
      return true;
    }
    function compressIPv6ZeroRun(hextets) {
      let bestStart = -1;
      let bestLength = 0;
      let runStart = -1;
      let runLength = 0;
      for (let i = 0; i < hextets.length; i++) {
        if (hextets[i] === "0") {
          if (runStart === -1) runStart = i;
          runLength++;
          if (runLength > bestLength) {
            bestLength = runLength;
            bestStart = runStart;
          }
        } else {
          runStart = -1;
          runLength = 0;
        }
      }
      if (bestLength < 2) return hextets.join(":");
      const head = hextets.slice(0, bestStart).join(":");
      const tail = hextets.slice(bestStart + bestLength).join(":");
      return head + "::" + tail;
    }
    function normalizeIPv6Address(input) {
      const compression = input.indexOf("::");
      if (compression !== -1 && input.indexOf("::", compression + 1) !== -1) return void 0;
      const left = compression === -1 ? input.split(":") : input.slice(0, compression).split(":");
      const right = compression === -1 ? [] : input.slice(compression + 2).split(":");
      if (compression !== -1) {
        if (left.length === 1 && left[0] === "") left.length = 0;
        if (right.length === 1 && right[0] === "") right.length = 0;
      }
      const parts = left.concat(right);
      let hextetCount = 0;
      for (let i = 0; i < parts.length; i++) {
        const part = parts[i];
        if (part === "") return void 0;
        if (part.indexOf(".") !== -1) {
          if (i !== parts.length - 1 || compression !== -1 && right.length === 0 || !isIPv4(part)) return void 0;
          hextetCount += 2;
          continue;
        }
        if (!isHextet(part)) return void 0;
        parts[i] = parseInt(part, 16).toString(16);
        hextetCount++;
      }
      if (compression === -1) {
        if (hextetCount !== 8) return void 0;
        return compressIPv6ZeroRun(parts);
      }
      if (hextetCount >= 8) return void 0;
      const expanded = parts.slice(0, left.length);
      for (let i = hextetCount; i < 8; i++) expanded.push("0");
      for (let i = left.length; i < parts.length; i++) expanded.push(parts[i]);
      return compressIPv6ZeroRun(expanded);
    }
    function normalizeIPv6(host) {
      const bracketed = host[0] === "[" && host[host.length - 1] === "]";
      const hasBracket = host[0] === "[" || host[host.length - 1] === "]";
      if (hasBracket && !bracketed) return { host, isIPV6: false, error: true };
      let input = bracketed ? host.slice(1, -1) : host;
      if (bracketed && isIPvFuture(input)) {
        input = input.toLowerCase();
        return { host: `[${input}]`, escapedHost: input, isIPV6: false, isIPVFuture: true };
      }
      if (findToken(input, ":") < 2) {
        return { host, isIPV6: false, error: bracketed };
      }
      let zoneIdentifier = "";
      const zoneSeparator = input.indexOf("%");
      if (zoneSeparator !== -1) {
        const separatorLength = input.slice(zoneSeparator, zoneSeparator + 3).toLowerCase() === "%25" ? 3 : 1;
        zoneIdentifier = input.slice(zoneSeparator + separatorLength);
        if (!isZoneIdentifier(zoneIdentifier)) return { host, isIPV6: false, error: true };
        input = input.slice(0, zoneSeparator);
      }
      const address = normalizeIPv6Address(input);
      if (address === void 0) return { host, isIPV6: false, error: true };
      return {
        host: address + (zoneIdentifier ? "%" + zoneIdentifier : ""),
        escapedHost: address + (zoneIdentifier ? "%25" + zoneIdentifier : ""),
        isIPV6: true
      };
    }
    function findToken(str, token) {
      let ind = 0;
      for (let i = 0; i < str.length; i++) {
        if (str[i] === token) ind++;
      }
      return ind;
    }
    function removeDotSegments(path) {
      let input = path;
      const output = [];
      let nextSlash = -1;
      let len = 0;
      while (len = input.length) {
        if (len === 1) {
          if (input === ".") {
            break;
          } else if (input === "/") {
            output.push("/");
            break;
          } else {
            output.push(input);
            break;
          }
        } else if (len === 2) {
          if (input[0] === ".") {
            if (input[1] === ".") {
              break;
            } else if (input[1] === "/") {
              input = input.slice(2);
              continue;
            }
          } else if (input[0] === "/") {
            if (input[1] === "." || input[1] === "/") {
              output.push("/");
              break;
            }
          }
        } else if (len === 3) {
          if (input === "/..") {
            if (output.length !== 0) {
              output.pop();
            }
            output.push("/");
            break;
          }
        }
        if (input[0] === ".") {
          if (input[1] === ".") {
            if (input[2] === "/") {
              input = input.slice(3);
              continue;
            }
          } else if (input[1] === "/") {
            input = input.slice(2);
            continue;
          }
        } else if (input[0] === "/") {
          if (input[1] === ".") {
            if (input[2] === "/") {
              input = input.slice(2);
              continue;
            } else if (input[2] === ".") {
              if (input[3] === "/") {
                input = input.slice(3);
                if (output.length !== 0) {
                  output.pop();
                }
                continue;
              }
            }
          }
        }
        if ((nextSlash = input.indexOf("/", 1)) === -1) {
          output.push(input);
          break;
        } else {
          output.push(input.slice(0, nextSlash));
          input = input.slice(nextSlash);
        }
      }
      return output.join("");
    }
    function removeDotSegmentsRelative(path) {
      if (path === "" || path[0] === "/") {
        return removeDotSegments(path);
      }
      const segments = path.split("/");
      const last = segments.length - 1;
      const output = [];
      let trailingDirectory = false;
      for (let i = 0; i <= last; i++) {
        const segment = segments[i];
        if (segment === "." || segment === "..") {
          if (segment === "..") {
            if (output.length !== 0 && output[output.length - 1] !== "..") {
              output.pop();
            } else {
              output.push("..");
            }
          }
          trailingDirectory = i === last;
        } else {
          output.push(segment);
        }
      }
      if (trailingDirectory && output[output.length - 1] !== "..") {
        output.push("");
      }
      if (output.length === 0 || output[0] === "" || output[0].includes(":")) {
        output.unshift(".");
      }
      return output.join("/");
    }
    var HOST_DELIMS = { "@": "%40", "/": "%2F", "?": "%3F", "#": "%23", ":": "%3A" };
    var HOST_DELIM_RE = /[@/?#:]/g;
    var HOST_DELIM_NO_COLON_RE = /[@/?#]/g;
    function reescapeHostDelimiters(host, isIP) {
      const re = isIP ? HOST_DELIM_NO_COLON_RE : HOST_DELIM_RE;
      re.lastIndex = 0;
      return host.replace(re, (ch) => HOST_DELIMS[ch]);
    }
    function normalizePercentEncoding(input, decodeUnreserved = false) {
      if (input.indexOf("%") === -1) {
        return input;
      }
      let output = "";
      for (let i = 0; i < input.length; i++) {
        if (input[i] === "%" && i + 2 < input.length) {
          const hex = input.slice(i + 1, i + 3);
          if (isHexPair(hex)) {
            const normalizedHex = hex.toUpperCase();
            const decoded = String.fromCharCode(parseInt(normalizedHex, 16));
            if (decodeUnreserved && isUnreserved(decoded)) {
              output += decoded;
            } else {
              output += "%" + normalizedHex;
            }
            i += 2;
            continue;
          }
        }
        output += input[i];
      }
      return output;
    }
    function normalizePathEncoding(input) {
      let output = "";
      for (let i = 0; i < input.length; i++) {
        const ch = input[i];
        if (ch === "%" && i + 2 < input.length) {
          const hex = input.slice(i + 1, i + 3);
          if (isHexPair(hex)) {
            const normalizedHex = hex.toUpperCase();
            const decoded = String.fromCharCode(parseInt(normalizedHex, 16));
            if (decoded !== "." && isUnreserved(decoded)) {
              output += decoded;
            } else {
              output += "%" + normalizedHex;
            }
            i += 2;
            continue;
          }
        }
        if (isPathCharacter(ch)) {
          output += ch;
        } else {
          const code = input.charCodeAt(i);
          if (code < 128) {
            output += isEscapeSafe(code) ? ch : BYTE_HEX[code];
          } else if (code < 55296 || code > 57343) {
            output += percentEncodeNonAscii(code);
          } else if (code <= 56319 && i + 1 < input.length) {
            const low = input.charCodeAt(i + 1);
            if (low >= 56320 && low <= 57343) {
              output += percentEncodeNonAscii(65536 + (code - 55296 << 10) + (low - 56320));
              i++;
            } else {
              output += percentEncodeNonAscii(65533);
            }
          } else {
            output += percentEncodeNonAscii(65533);
          }
        }
      }
      return output;
    }
    function serializePathEncoding(input, pathNoScheme = false) {
      let output = "";
      let firstSegment = pathNoScheme && input[0] !== "/";
      for (let i = 0; i < input.length; i++) {
        const ch = input[i];
        if (ch === "%" && i + 2 < input.length) {
          const hex = input.slice(i + 1, i + 3);
          if (isHexPair(hex)) {
            output += "%" + hex.toUpperCase();
            i += 2;
            continue;
          }
        }
        if (ch === "/") {
          firstSegment = false;
        }
        if (isPathCharacter(ch) && (ch !== ":" || !firstSegment)) {
          output += ch;
        } else {
          const code = input.charCodeAt(i);
          if (code < 128) {
            output += BYTE_HEX[code];
          } else if (code < 55296 || code > 57343) {
            output += percentEncodeNonAscii(code);
          } else if (code <= 56319 && i + 1 < input.length) {
            const low = input.charCodeAt(i + 1);
            if (low >= 56320 && low <= 57343) {
              output += percentEncodeNonAscii(65536 + (code - 55296 << 10) + (low - 56320));
              i++;
            } else {
              output += percentEncodeNonAscii(65533);
            }
          } else {
            output += percentEncodeNonAscii(65533);
          }
        }
      }
      return output;
    }
    function encodeComponent(input, isAllowed) {
      let output = "";
      for (let i = 0; i < input.length; i++) {
        const ch = input[i];
        if (ch === "%" && i + 2 < input.length) {
          const hex = input.slice(i + 1, i + 3);
          if (isHexPair(hex)) {
            output += "%" + hex.toUpperCase();
            i += 2;
            continue;
          }
        }
        if (isAllowed(ch)) {
          output += ch;
        } else {
          const code = input.charCodeAt(i);
          if (code < 128) {
            output += BYTE_HEX[code];
          } else if (code < 55296 || code > 57343) {
            output += percentEncodeNonAscii(code);
          } else if (code <= 56319 && i + 1 < input.length) {
            const low = input.charCodeAt(i + 1);
            if (low >= 56320 && low <= 57343) {
              output += percentEncodeNonAscii(65536 + (code - 55296 << 10) + (low - 56320));
              i++;
            } else {
              output += percentEncodeNonAscii(65533);
            }
          } else {
            output += percentEncodeNonAscii(65533);
          }
        }
      }
      return output;
    }
    function encodeUserinfo(input) {
      return encodeComponent(input, isUserinfoCharacter);
    }
    function encodeQuery(input) {
      return encodeComponent(input, isQueryFragmentCharacter);
    }
    function encodeFragment(input) {
      return encodeComponent(input, isQueryFragmentCharacter);
    }
    function isEscapeSafe(cp) {
      return cp >= 48 && cp <= 57 || cp >= 65 && cp <= 90 || cp >= 97 && cp <= 122 || cp === 42 || cp === 43 || cp === 45 || cp === 46 || cp === 47 || cp === 64 || cp === 95;
    }
    function normalizeQueryFragmentEncoding(input) {
      let output = "";
      for (let i = 0; i < input.length; i++) {
        const ch = input[i];
        if (ch === "%" && i + 2 < input.length) {
          const hex = input.slice(i + 1, i + 3);
          if (isHexPair(hex)) {
            const normalizedHex = hex.toUpperCase();
            const decoded = String.fromCharCode(parseInt(normalizedHex, 16));
            if (isUnreserved(decoded)) {
              output += decoded;
            } else {
              output += "%" + normalizedHex;
            }
            i += 2;
            continue;
          }
        }
        if (isQueryFragmentCharacter(ch)) {
          output += ch;
        } else {
          const code = input.charCodeAt(i);
          if (code < 128) {
            output += isEscapeSafe(code) ? ch : BYTE_HEX[code];
          } else if (code < 55296 || code > 57343) {
            output += percentEncodeNonAscii(code);
          } else if (code <= 56319 && i + 1 < input.length) {
            const low = input.charCodeAt(i + 1);
            if (low >= 56320 && low <= 57343) {
              output += percentEncodeNonAscii(65536 + (code - 55296 << 10) + (low - 56320));
              i++;
            } else {
              output += percentEncodeNonAscii(65533);
            }
          } else {
            output += percentEncodeNonAscii(65533);
          }
        }
      }
      return output;
    }
    function escapePreservingEscapes(input) {
      let output = "";
      for (let i = 0; i < input.length; i++) {
        if (input[i] === "%" && i + 2 < input.length) {
          const hex = input.slice(i + 1, i + 3);
          if (isHexPair(hex)) {
            output += "%" + hex.toUpperCase();
            i += 2;
            continue;
          }
        }
        output += escape(input[i]);
      }
      return output;
    }
    function recomposeAuthority(component) {
      const uriTokens = [];
      if (component.userinfo !== void 0) {
        uriTokens.push(encodeUserinfo(component.userinfo));
        uriTokens.push("@");
      }
      if (component.host !== void 0) {
        let host = component.host;
        if (!isIPv4(host)) {
          let ipV6res = normalizeIPv6(host);
          if (ipV6res.isIPV6 !== true && ipV6res.isIPVFuture !== true) {
            host = normalizePercentEncoding(host, true);
            ipV6res = normalizeIPv6(host);
          }
          if (ipV6res.isIPV6 === true || ipV6res.isIPVFuture === true) {
            host = `[${ipV6res.escapedHost}]`;
          } else {
            host = reescapeHostDelimiters(host, false);
          }
        }
        uriTokens.push(host);
      }
      if (typeof component.port === "number" || typeof component.port === "string") {
        const port = String(component.port);
        if (!isPort(port)) {
          throw new TypeError("URI port is malformed.");
        }
        uriTokens.push(":");
        uriTokens.push(port);
      }
      return uriTokens.length ? uriTokens.join("") : void 0;
    }
    module.exports = {
      nonSimpleDomain,
      recomposeAuthority,
      reescapeHostDelimiters,
      normalizePercentEncoding,
      normalizePathEncoding,
      serializePathEncoding,
      normalizeQueryFragmentEncoding,
      encodeUserinfo,
      encodeQuery,
      encodeFragment,
      escapePreservingEscapes,
      removeDotSegments,
      removeDotSegmentsRelative,
      isIPv4,
      isUUID,
      normalizeIPv6,
      stringArrayToHexStripped
    };
  }
});

// node_modules/fast-uri/lib/schemes.js
var require_schemes = __commonJS({
  "node_modules/fast-uri/lib/schemes.js"(exports, module) {
    "use strict";
    var { isUUID } = require_utils();
    var URN_REG = /^([\da-z][\d\-a-z]{0,31}):((?:[\w!$'()*+,\-./:;=@]|%[\da-f]{2})+)$/iu;
    var supportedSchemeNames = (
      /** @type {const} */
      [
        "http",
        "https",
        "ws",
        "wss",
        "urn",
        "urn:uuid"
      ]
    );
    function isValidSchemeName(name) {
      return supportedSchemeNames.indexOf(
        /** @type {*} */
        name
      ) !== -1;
    }
    function wsIsSecure(wsComponent) {
      if (wsComponent.secure === true) {
        return true;
      } else if (wsComponent.secure === false) {
        return false;
      } else if (wsComponent.scheme) {
        return wsComponent.scheme.length === 3 && (wsComponent.scheme[0] === "w" || wsComponent.scheme[0] === "W") && (wsComponent.scheme[1] === "s" || wsComponent.scheme[1] === "S") && (wsComponent.scheme[2] === "s" || wsComponent.scheme[2] === "S");
      } else {
        return false;
      }
    }
    function httpParse(component) {
      if (!component.host) {
        component.error = component.error || "HTTP URIs must have a host.";
      }
      return component;
    }
    function httpSerialize(component) {
      const secure = String(component.scheme).toLowerCase() === "https";
      if (component.port === (secure ? 443 : 80) || component.port === "") {
        component.port = void 0;
      }
      if (!component.path) {
        component.path = "/";
      }
      return component;
    }
    function wsParse(wsComponent) {
      wsComponent.secure = wsIsSecure(wsComponent);
      wsComponent.resourceName = (wsComponent.path || "/") + (wsComponent.query ? "?" + wsComponent.query : "");
      wsComponent.path = void 0;
      wsComponent.query = void 0;
      return wsComponent;
    }
    function wsSerialize(wsComponent) {
      if (wsComponent.port === (wsIsSecure(wsComponent) ? 443 : 80) || wsComponent.port === "") {
        wsComponent.port = void 0;
      }
      if (typeof wsComponent.secure === "boolean") {
        wsComponent.scheme = wsComponent.secure ? "wss" : "ws";
        wsComponent.secure = void 0;
      }
      if (wsComponent.resourceName) {
        const queryIndex = wsComponent.resourceName.indexOf("?");
        const path = queryIndex === -1 ? wsComponent.resourceName : wsComponent.resourceName.slice(0, queryIndex);
        wsComponent.path = path && path !== "/" ? path : void 0;
        wsComponent.query = queryIndex === -1 ? void 0 : wsComponent.resourceName.slice(queryIndex + 1);
        wsComponent.resourceName = void 0;
      }
      wsComponent.fragment = void 0;
      return wsComponent;
    }
    function urnParse(urnComponent, options) {
      if (!urnComponent.path) {
        urnComponent.error = "URN can not be parsed";
        return urnComponent;
      }
      const matches = urnComponent.path.match(URN_REG);
      if (matches && matches[0] === urnComponent.path) {
        const scheme = options.scheme || urnComponent.scheme || "urn";
        urnComponent.nid = matches[1].toLowerCase();
        urnComponent.nss = matches[2];
        const urnScheme = `${scheme}:${options.nid || urnComponent.nid}`;
        const schemeHandler = getSchemeHandler(urnScheme);
        urnComponent.path = void 0;
        if (schemeHandler) {
          urnComponent = schemeHandler.parse(urnComponent, options);
        }
      } else {
        urnComponent.error = urnComponent.error || "URN can not be parsed.";
      }
      return urnComponent;
    }
    function urnSerialize(urnComponent, options) {
      if (urnComponent.nid === void 0) {
        throw new Error("URN without nid cannot be serialized");
      }
      const scheme = options.scheme || urnComponent.scheme || "urn";
      const nid = urnComponent.nid.toLowerCase();
      const urnScheme = `${scheme}:${options.nid || nid}`;
      const schemeHandler = getSchemeHandler(urnScheme);
      if (schemeHandler) {
        urnComponent = schemeHandler.serialize(urnComponent, options);
      }
      const uriComponent = urnComponent;
      const nss = urnComponent.nss;
      uriComponent.path = `${nid || options.nid}:${nss}`;
      options.skipEscape = true;
      return uriComponent;
    }
    function urnuuidParse(urnComponent, options) {
      const uuidComponent = urnComponent;
      uuidComponent.uuid = uuidComponent.nss;
      uuidComponent.nss = void 0;
      if (!options.tolerant && (!uuidComponent.uuid || !isUUID(uuidComponent.uuid))) {
        uuidComponent.error = uuidComponent.error || "UUID is not valid.";
      }
      return uuidComponent;
    }
    function urnuuidSerialize(uuidComponent) {
      const urnComponent = uuidComponent;
      urnComponent.nss = (uuidComponent.uuid || "").toLowerCase();
      return urnComponent;
    }
    var http = (
      /** @type {SchemeHandler} */
      {
        scheme: "http",
        domainHost: true,
        parse: httpParse,
        serialize: httpSerialize
      }
    );
    var https = (
      /** @type {SchemeHandler} */
      {
        scheme: "https",
        domainHost: http.domainHost,
        parse: httpParse,
        serialize: httpSerialize
      }
    );
    var ws = (
      /** @type {SchemeHandler} */
      {
        scheme: "ws",
        domainHost: true,
        parse: wsParse,
        serialize: wsSerialize
      }
    );
    var wss = (
      /** @type {SchemeHandler} */
      {
        scheme: "wss",
        domainHost: ws.domainHost,
        parse: ws.parse,
        serialize: ws.serialize
      }
    );
    var urn = (
      /** @type {SchemeHandler} */
      {
        scheme: "urn",
        parse: urnParse,
        serialize: urnSerialize,
        skipNormalize: true
      }
    );
    var urnuuid = (
      /** @type {SchemeHandler} */
      {
        scheme: "urn:uuid",
        parse: urnuuidParse,
        serialize: urnuuidSerialize,
        skipNormalize: true
      }
    );
    var SCHEMES = (
      /** @type {Record<SchemeName, SchemeHandler>} */
      {
        http,
        https,
        ws,
        wss,
        urn,
        "urn:uuid": urnuuid
      }
    );
    Object.setPrototypeOf(SCHEMES, null);
    function getSchemeHandler(scheme) {
      return scheme && (SCHEMES[
        /** @type {SchemeName} */
        scheme
      ] || SCHEMES[
        /** @type {SchemeName} */
        scheme.toLowerCase()
      ]) || void 0;
    }
    module.exports = {
      wsIsSecure,
      SCHEMES,
      isValidSchemeName,
      getSchemeHandler
    };
  }
});

// node_modules/fast-uri/index.js
var require_fast_uri = __commonJS({
  "node_modules/fast-uri/index.js"(exports, module) {
    "use strict";
    var { normalizeIPv6, removeDotSegments, removeDotSegmentsRelative, recomposeAuthority, normalizePercentEncoding, normalizePathEncoding, serializePathEncoding, normalizeQueryFragmentEncoding, encodeQuery, encodeFragment, reescapeHostDelimiters, isIPv4, nonSimpleDomain } = require_utils();
    var { SCHEMES, getSchemeHandler } = require_schemes();
    var VALID_SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*$/u;
    var MALFORMED_SCHEME_ERROR = "URI scheme is malformed.";
    var MALFORMED_HOST_ERROR = "URI host is malformed.";
    var FORBIDDEN_DOMAIN_HOST_CHARACTER = /[\0-\x20"#/:<>?@[\\\]^`{|}\x7F]/u;
    function validateScheme(scheme) {
      const stringScheme = String(scheme);
      if (!VALID_SCHEME.test(stringScheme)) {
        throw new TypeError(MALFORMED_SCHEME_ERROR);
      }
      return stringScheme;
    }
    function normalize(uri, options) {
      if (typeof uri === "string") {
        uri = /** @type {T} */
        normalizeString(uri, options);
      } else if (typeof uri === "object") {
        uri = /** @type {T} */
        parse(serialize(uri, options), options);
      }
      return uri;
    }
    function resolve7(baseURI, relativeURI, options) {
      const schemelessOptions = options ? Object.assign({ scheme: "null" }, options) : { scheme: "null" };
      const {
        parsed: baseParsed,
        malformedAuthorityOrPort: baseMalformed,
        malformedPercentEncoding: baseMalformedPercentEncoding,
        malformedSchemeSpecific: baseMalformedSchemeSpecific,
        malformedHost: baseMalformedHost,
        malformedScheme: baseMalformedScheme
      } = parseWithStatus(baseURI, schemelessOptions);
      const {
        parsed: relativeParsed,
        malformedAuthorityOrPort: relativeMalformed,
        malformedPercentEncoding: relativeMalformedPercentEncoding,
        malformedSchemeSpecific: relativeMalformedSchemeSpecific,
        malformedHost: relativeMalformedHost,
        malformedScheme: relativeMalformedScheme
      } = parseWithStatus(relativeURI, schemelessOptions);
      if (baseMalformed || relativeMalformed || baseMalformedPercentEncoding || relativeMalformedPercentEncoding || baseMalformedSchemeSpecific || relativeMalformedSchemeSpecific || baseMalformedHost || relativeMalformedHost || baseMalformedScheme || relativeMalformedScheme) {
        throw new Error(baseParsed.error || relativeParsed.error || "URI is malformed.");
      }
      const resolved = resolveComponent(baseParsed, relativeParsed, schemelessOptions, true);
      const resolvedSchemeHandler = getSchemeHandler(options && options.scheme || resolved.scheme);
      const resolvedHost = resolved.host;
      const resolvedHostIsIP = resolvedHost !== void 0 && resolvedHost !== "" && (isIPv4(resolvedHost) || normalizeIPv6(resolvedHost).isIPV6);
      if (hasForbiddenDomainHost(resolved, options || {}, resolvedSchemeHandler, resolvedHostIsIP)) {
        throw new Error(MALFORMED_HOST_ERROR);
      }
      canonicalizeHost(resolved, options || {}, resolvedSchemeHandler, resolvedHostIsIP);
      const encodedASCIIHost = resolvedHost && resolvedHost.indexOf("%") !== -1 && !new RegExp("\\P{ASCII}", "u").test(resolvedHost);
      if (resolved.error && !encodedASCIIHost) {
        throw new Error(resolved.error);
      }
      schemelessOptions.skipEscape = true;
      return serialize(resolved, schemelessOptions);
    }
    function resolveComponent(base, relative3, options, skipNormalization) {
      const target = {};
      if (!skipNormalization) {
        base = parse(serialize(base, options), options);
        relative3 = parse(serialize(relative3, options), options);
      }
      options = options || {};
      if (!options.tolerant && relative3.scheme) {
        target.scheme = relative3.scheme;
        target.userinfo = relative3.userinfo;
        target.host = relative3.host;
        target.port = relative3.port;
        target.path = removeDotSegments(relative3.path || "");
        target.query = relative3.query;
      } else {
        if (relative3.userinfo !== void 0 || relative3.host !== void 0 || relative3.port !== void 0) {
          target.userinfo = relative3.userinfo;
          target.host = relative3.host;
          target.port = relative3.port;
          target.path = removeDotSegments(relative3.path || "");
          target.query = relative3.query;
        } else {
          if (!relative3.path) {
            target.path = base.path;
            if (relative3.query !== void 0) {
              target.query = relative3.query;
            } else {
              target.query = base.query;
            }
          } else {
            if (relative3.path[0] === "/") {
              target.path = removeDotSegments(relative3.path);
            } else {
              const baseHasAuthority = base.userinfo !== void 0 || base.host !== void 0 || base.port !== void 0;
              if (baseHasAuthority && !base.path) {
                target.path = "/" + relative3.path;
              } else if (!base.path) {
                target.path = relative3.path;
              } else {
                target.path = base.path.slice(0, base.path.lastIndexOf("/") + 1) + relative3.path;
              }
              target.path = base.scheme === void 0 && !baseHasAuthority && target.path[0] !== "/" ? removeDotSegmentsRelative(target.path) : removeDotSegments(target.path);
            }
            target.query = relative3.query;
          }
          target.userinfo = base.userinfo;
          target.host = base.host;
          target.port = base.port;
        }
        target.scheme = base.scheme;
      }
      target.fragment = relative3.fragment;
      return target;
    }
    function equal(uriA, uriB, options) {
      const normalizedA = normalizeComparableURI(uriA, options);
      const normalizedB = normalizeComparableURI(uriB, options);
      return normalizedA !== void 0 && normalizedB !== void 0 && normalizedA === normalizedB;
    }
    function serialize(cmpts, opts) {
      const component = {
        host: cmpts.host,
        scheme: cmpts.scheme,
        userinfo: cmpts.userinfo,
        port: cmpts.port,
        path: cmpts.path,
        query: cmpts.query,
        nid: cmpts.nid,
        nss: cmpts.nss,
        uuid: cmpts.uuid,
        fragment: cmpts.fragment,
        reference: cmpts.reference,
        resourceName: cmpts.resourceName,
        secure: cmpts.secure,
        error: ""
      };
      const options = Object.assign({}, opts);
      const uriTokens = [];
      if (component.scheme) {
        component.scheme = validateScheme(component.scheme);
      }
      const schemeHandler = getSchemeHandler(options.scheme || component.scheme);
      if (schemeHandler && schemeHandler.serialize) schemeHandler.serialize(component, options);
      const hasAuthority = component.userinfo !== void 0 || component.host !== void 0 || component.port !== void 0;
      const schemelessReference = (component.scheme === void 0 || options.reference === "suffix") && !hasAuthority;
      const pathNoScheme = !options.skipEscape && schemelessReference;
      if (component.path !== void 0) {
        if (!options.skipEscape) {
          component.path = serializePathEncoding(component.path, pathNoScheme);
        } else {
          component.path = normalizePercentEncoding(component.path);
        }
      }
      if (options.reference !== "suffix" && component.scheme) {
        component.scheme = validateScheme(component.scheme);
        uriTokens.push(component.scheme, ":");
      }
      const authority = recomposeAuthority(component);
      if (authority !== void 0) {
        if (options.reference !== "suffix") {
          uriTokens.push("//");
        }
        uriTokens.push(authority);
        if (component.path && component.path[0] !== "/") {
          uriTokens.push("/");
        }
      }
      if (component.path !== void 0) {
        let s = component.path;
        if (!options.absolutePath && (!schemeHandler || !schemeHandler.absolutePath)) {
          s = schemelessReference && s[0] !== "/" ? removeDotSegmentsRelative(s) : removeDotSegments(s);
        }
        if (schemelessReference) {
          s = serializePathEncoding(s, true);
        }
        if (authority === void 0 && s[0] === "/" && s[1] === "/") {
          s = "/%2F" + s.slice(2);
        }
        uriTokens.push(s);
      }
      if (component.query !== void 0) {
        uriTokens.push("?", encodeQuery(component.query));
      }
      if (component.fragment !== void 0) {
        uriTokens.push("#", encodeFragment(component.fragment));
      }
      return uriTokens.join("");
    }
    var URI_PARSE = /^(?:([^#/:?]+):)?(?:\/\/((?:([^#/?@]*)@)?(\[[^#/?\]]+\]|[^#/:?]*)(?::(\d*))?))?([^#?]*)(?:\?([^#]*))?(?:#((?:.|[\n\r])*))?/u;
    var AUTHORITY_PREFIX = /^(?:[^#/:?]+:)?\/\/([^/?#]*)/;
    var AUTHORITY_INTRODUCER_REGION = /^(?:[^#/:?]+:)?([/\\\t\n\r]*)/;
    function getParseError(parsed, matches) {
      if (matches[2] !== void 0 && parsed.path && parsed.path[0] !== "/") {
        return 'URI path must start with "/" when authority is present.';
      }
      if (typeof parsed.port === "number" && (parsed.port < 0 || parsed.port > 65535)) {
        return "URI port is malformed.";
      }
      return void 0;
    }
    function hasMalformedPercentEncoding(component) {
      if (component === void 0) return false;
      let percent2 = component.indexOf("%");
      while (percent2 !== -1) {
        if (percent2 + 2 >= component.length || !/^[\da-f]{2}$/iu.test(component.slice(percent2 + 1, percent2 + 3))) {
          return true;
        }
        percent2 = component.indexOf("%", percent2 + 3);
      }
      return false;
    }
    function isIPLiteral(host) {
      return host[0] === "[" && host[host.length - 1] === "]";
    }
    function hasMalformedComponentPercentEncoding(matches) {
      const host = matches[4];
      return hasMalformedPercentEncoding(matches[3]) || host !== void 0 && !isIPLiteral(host) && hasMalformedPercentEncoding(host) || hasMalformedPercentEncoding(matches[6]) || hasMalformedPercentEncoding(matches[7]) || hasMalformedPercentEncoding(matches[8]);
    }
    function canonicalizeHost(parsed, options, schemeHandler, isIP) {
      if (hasForbiddenDomainHost(parsed, options, schemeHandler, isIP)) {
        parsed.error = parsed.error || MALFORMED_HOST_ERROR;
        return true;
      }
      if (!options.unicodeSupport && (!schemeHandler || !schemeHandler.unicodeSupport) && parsed.host && !isIPLiteral(parsed.host) && (options.domainHost || schemeHandler && schemeHandler.domainHost) && isIP === false && nonSimpleDomain(parsed.host)) {
        let url;
        try {
          url = new URL("http://" + parsed.host);
        } catch (e) {
          parsed.error = parsed.error || "Host's domain name can not be converted to ASCII: " + e;
          return true;
        }
        if (!isHostOnlyURL(url)) {
          parsed.error = parsed.error || MALFORMED_HOST_ERROR;
          return true;
        }
        parsed.host = url.hostname;
      }
      return false;
    }
    function hasForbiddenDomainHost(parsed, options, schemeHandler, isIP) {
      return Boolean(
        parsed.host && isIP === false && !isIPLiteral(parsed.host) && (options.domainHost || schemeHandler && schemeHandler.domainHost) && FORBIDDEN_DOMAIN_HOST_CHARACTER.test(parsed.host)
      );
    }
    function isHostOnlyURL(url) {
      return url.username === "" && url.password === "" && url.port === "" && url.pathname === "/" && url.search === "" && url.hash === "" && url.hostname !== "";
    }
    function parseWithStatus(uri, opts) {
      const options = Object.assign({}, opts);
      const parsed = {
        scheme: void 0,
        userinfo: void 0,
        host: "",
        port: void 0,
        path: "",
        query: void 0,
        fragment: void 0
      };
      let malformedAuthorityOrPort = false;
      let malformedPercentEncoding = false;
      let malformedSchemeSpecific = false;
      let malformedHost = false;
      let malformedIPLiteral = false;
      let malformedScheme = false;
      let isIP = false;
      if (options.reference === "suffix") {
        if (options.scheme) {
          uri = options.scheme + ":" + uri;
        } else {
          uri = "//" + uri;
        }
      }
      const authorityMatch = uri.match(AUTHORITY_PREFIX);
      if (authorityMatch !== null && authorityMatch[1].indexOf("\\") !== -1) {
        parsed.error = "URI authority must not contain a literal backslash.";
        malformedAuthorityOrPort = true;
      }
      const introducerMatch = uri.match(AUTHORITY_INTRODUCER_REGION);
      if (introducerMatch !== null) {
        const region = introducerMatch[1];
        const normalizedRegion = region.replace(/[\t\n\r]/g, "");
        if (normalizedRegion.length >= 2) {
          if (normalizedRegion.slice(0, 2) !== "//") {
            parsed.error = parsed.error || "URI authority must not contain a literal backslash.";
            malformedAuthorityOrPort = true;
          } else if (region.length !== normalizedRegion.length) {
            parsed.error = parsed.error || "URI authority introducer must not contain whitespace.";
            malformedAuthorityOrPort = true;
          }
        }
      }
      const matches = uri.match(URI_PARSE);
      if (matches) {
        parsed.scheme = matches[1];
        parsed.userinfo = matches[3];
        parsed.host = matches[4];
        parsed.port = parseInt(matches[5], 10);
        parsed.path = matches[6] || "";
        parsed.query = matches[7];
        parsed.fragment = matches[8];
        if (parsed.scheme !== void 0) {
          if (VALID_SCHEME.test(parsed.scheme)) {
            parsed.scheme = parsed.scheme.toLowerCase();
          } else {
            parsed.error = parsed.error || MALFORMED_SCHEME_ERROR;
            malformedScheme = true;
          }
        }
        malformedPercentEncoding = hasMalformedComponentPercentEncoding(matches);
        if (malformedPercentEncoding) {
          parsed.error = parsed.error || "URI contains malformed percent-encoding.";
        }
        if (isNaN(parsed.port)) {
          parsed.port = matches[5];
        }
        const parseError = getParseError(parsed, matches);
        if (parseError !== void 0) {
          parsed.error = parsed.error || parseError;
          malformedAuthorityOrPort = true;
        }
        if (parsed.host) {
          const ipv4result = isIPv4(parsed.host);
          if (ipv4result === false) {
            const bracketedIPLiteral = isIPLiteral(parsed.host);
            const hasIPLiteralBracket = parsed.host.indexOf("[") !== -1 || parsed.host.indexOf("]") !== -1;
            const ipv6result = normalizeIPv6(parsed.host);
            isIP = ipv6result.isIPV6 || ipv6result.isIPVFuture === true;
            malformedIPLiteral = hasIPLiteralBracket && (!bracketedIPLiteral || ipv6result.error === true);
            parsed.host = isIP ? ipv6result.host : ipv6result.host.toLowerCase();
            if (malformedIPLiteral) {
              parsed.error = parsed.error || MALFORMED_HOST_ERROR;
              malformedAuthorityOrPort = true;
            }
          } else {
            isIP = true;
          }
        }
        if (parsed.scheme === void 0 && parsed.userinfo === void 0 && parsed.host === void 0 && parsed.port === void 0 && parsed.query === void 0 && !parsed.path) {
          parsed.reference = "same-document";
        } else if (parsed.scheme === void 0) {
          parsed.reference = "relative";
        } else if (parsed.fragment === void 0) {
          parsed.reference = "absolute";
        } else {
          parsed.reference = "uri";
        }
        if (options.reference && options.reference !== "suffix" && options.reference !== parsed.reference) {
          parsed.error = parsed.error || "URI is not a " + options.reference + " reference.";
        }
        const schemeHandler = getSchemeHandler(options.scheme || parsed.scheme);
        if (!malformedIPLiteral) {
          malformedHost = canonicalizeHost(parsed, options, schemeHandler, isIP);
        }
        if (uri.indexOf("%") !== -1 && parsed.host !== void 0 && !malformedIPLiteral) {
          let host = isIP ? parsed.host : normalizePercentEncoding(parsed.host, true);
          if (!isIP) {
            host = normalizePercentEncoding(host.toLowerCase());
          }
          parsed.host = isIP || options.scheme !== "null" ? reescapeHostDelimiters(host, isIP) : host;
        }
        if (!schemeHandler || schemeHandler && !schemeHandler.skipNormalize) {
          if (parsed.path) {
            parsed.path = normalizePathEncoding(parsed.path);
          }
          if (parsed.query) {
            parsed.query = normalizeQueryFragmentEncoding(parsed.query);
          }
          if (parsed.fragment) {
            parsed.fragment = normalizeQueryFragmentEncoding(parsed.fragment);
          }
        }
        if (schemeHandler && schemeHandler.parse) {
          schemeHandler.parse(parsed, options);
          if (schemeHandler === SCHEMES.urn && parsed.nid === void 0) {
            malformedSchemeSpecific = true;
          }
        }
      } else {
        parsed.error = parsed.error || "URI can not be parsed.";
      }
      return { parsed, malformedAuthorityOrPort, malformedPercentEncoding, malformedSchemeSpecific, malformedHost, malformedScheme };
    }
    function parse(uri, opts) {
      return parseWithStatus(uri, opts).parsed;
    }
    function normalizeString(uri, opts) {
      return normalizeStringWithStatus(uri, opts).normalized;
    }
    function normalizeStringWithStatus(uri, opts) {
      const { parsed, malformedAuthorityOrPort, malformedPercentEncoding, malformedSchemeSpecific, malformedHost, malformedScheme } = parseWithStatus(uri, opts);
      return {
        normalized: malformedAuthorityOrPort || malformedPercentEncoding || malformedSchemeSpecific || malformedHost || malformedScheme ? uri : serialize(parsed, opts),
        malformedAuthorityOrPort,
        malformedPercentEncoding,
        malformedSchemeSpecific,
        malformedHost,
        malformedScheme
      };
    }
    function normalizeComparableURI(uri, opts) {
      if (typeof uri !== "string" && typeof uri !== "object") {
        return void 0;
      }
      let value;
      try {
        value = typeof uri === "string" ? uri : serialize(uri, opts);
      } catch {
        return void 0;
      }
      const { normalized, malformedAuthorityOrPort, malformedPercentEncoding, malformedSchemeSpecific, malformedHost, malformedScheme } = normalizeStringWithStatus(value, opts);
      return malformedAuthorityOrPort || malformedPercentEncoding || malformedSchemeSpecific || malformedHost || malformedScheme ? void 0 : normalized;
    }
    var fastUri = {
      SCHEMES,
      normalize,
      resolve: resolve7,
      resolveComponent,
      equal,
      serialize,
      parse
    };
    module.exports = fastUri;
    module.exports.default = fastUri;
    module.exports.fastUri = fastUri;
  }
});

// node_modules/ajv/dist/runtime/uri.js
var require_uri = __commonJS({
  "node_modules/ajv/dist/runtime/uri.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var uri = require_fast_uri();
    uri.code = 'require("ajv/dist/runtime/uri").default';
    exports.default = uri;
  }
});

// node_modules/ajv/dist/core.js
var require_core = __commonJS({
  "node_modules/ajv/dist/core.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.CodeGen = exports.Name = exports.nil = exports.stringify = exports.str = exports._ = exports.KeywordCxt = void 0;
    var validate_1 = require_validate();
    Object.defineProperty(exports, "KeywordCxt", { enumerable: true, get: function() {
      return validate_1.KeywordCxt;
    } });
    var codegen_1 = require_codegen();
    Object.defineProperty(exports, "_", { enumerable: true, get: function() {
      return codegen_1._;
    } });
    Object.defineProperty(exports, "str", { enumerable: true, get: function() {
      return codegen_1.str;
    } });
    Object.defineProperty(exports, "stringify", { enumerable: true, get: function() {
      return codegen_1.stringify;
    } });
    Object.defineProperty(exports, "nil", { enumerable: true, get: function() {
      return codegen_1.nil;
    } });
    Object.defineProperty(exports, "Name", { enumerable: true, get: function() {
      return codegen_1.Name;
    } });
    Object.defineProperty(exports, "CodeGen", { enumerable: true, get: function() {
      return codegen_1.CodeGen;
    } });
    var validation_error_1 = require_validation_error();
    var ref_error_1 = require_ref_error();
    var rules_1 = require_rules();
    var compile_1 = require_compile();
    var codegen_2 = require_codegen();
    var resolve_1 = require_resolve();
    var dataType_1 = require_dataType();
    var util_1 = require_util();
    var $dataRefSchema = require_data();
    var uri_1 = require_uri();
    var defaultRegExp = (str, flags) => new RegExp(str, flags);
    defaultRegExp.code = "new RegExp";
    var META_IGNORE_OPTIONS = ["removeAdditional", "useDefaults", "coerceTypes"];
    var EXT_SCOPE_NAMES = /* @__PURE__ */ new Set([
      "validate",
      "serialize",
      "parse",
      "wrapper",
      "root",
      "schema",
      "keyword",
      "pattern",
      "formats",
      "validate$data",
      "func",
      "obj",
      "Error"
    ]);
    var removedOptions = {
      errorDataPath: "",
      format: "`validateFormats: false` can be used instead.",
      nullable: '"nullable" keyword is supported by default.',
      jsonPointers: "Deprecated jsPropertySyntax can be used instead.",
      extendRefs: "Deprecated ignoreKeywordsWithRef can be used instead.",
      missingRefs: "Pass empty schema with $id that should be ignored to ajv.addSchema.",
      processCode: "Use option `code: {process: (code, schemaEnv: object) => string}`",
      sourceCode: "Use option `code: {source: true}`",
      strictDefaults: "It is default now, see option `strict`.",
      strictKeywords: "It is default now, see option `strict`.",
      uniqueItems: '"uniqueItems" keyword is always validated.',
      unknownFormats: "Disable strict mode or pass `true` to `ajv.addFormat` (or `formats` option).",
      cache: "Map is used as cache, schema object as key.",
      serialize: "Map is used as cache, schema object as key.",
      ajvErrors: "It is default now."
    };
    var deprecatedOptions = {
      ignoreKeywordsWithRef: "",
      jsPropertySyntax: "",
      unicode: '"minLength"/"maxLength" account for unicode characters by default.'
    };
    var MAX_EXPRESSION = 200;
    function requiredOptions(o) {
      var _a, _b, _c, _d, _e, _f, _g, _h, _j, _k, _l, _m, _o, _p, _q, _r, _s, _t, _u, _v, _w, _x, _y, _z, _0;
      const s = o.strict;
      const _optz = (_a = o.code) === null || _a === void 0 ? void 0 : _a.optimize;
      const optimize = _optz === true || _optz === void 0 ? 1 : _optz || 0;
      const regExp = (_c = (_b = o.code) === null || _b === void 0 ? void 0 : _b.regExp) !== null && _c !== void 0 ? _c : defaultRegExp;
      const uriResolver = (_d = o.uriResolver) !== null && _d !== void 0 ? _d : uri_1.default;
      return {
        strictSchema: (_f = (_e = o.strictSchema) !== null && _e !== void 0 ? _e : s) !== null && _f !== void 0 ? _f : true,
        strictNumbers: (_h = (_g = o.strictNumbers) !== null && _g !== void 0 ? _g : s) !== null && _h !== void 0 ? _h : true,
        strictTypes: (_k = (_j = o.strictTypes) !== null && _j !== void 0 ? _j : s) !== null && _k !== void 0 ? _k : "log",
        strictTuples: (_m = (_l = o.strictTuples) !== null && _l !== void 0 ? _l : s) !== null && _m !== void 0 ? _m : "log",
        strictRequired: (_p = (_o = o.strictRequired) !== null && _o !== void 0 ? _o : s) !== null && _p !== void 0 ? _p : false,
        code: o.code ? { ...o.code, optimize, regExp } : { optimize, regExp },
        loopRequired: (_q = o.loopRequired) !== null && _q !== void 0 ? _q : MAX_EXPRESSION,
        loopEnum: (_r = o.loopEnum) !== null && _r !== void 0 ? _r : MAX_EXPRESSION,
        meta: (_s = o.meta) !== null && _s !== void 0 ? _s : true,
        messages: (_t = o.messages) !== null && _t !== void 0 ? _t : true,
        inlineRefs: (_u = o.inlineRefs) !== null && _u !== void 0 ? _u : true,
        schemaId: (_v = o.schemaId) !== null && _v !== void 0 ? _v : "$id",
        addUsedSchema: (_w = o.addUsedSchema) !== null && _w !== void 0 ? _w : true,
        validateSchema: (_x = o.validateSchema) !== null && _x !== void 0 ? _x : true,
        validateFormats: (_y = o.validateFormats) !== null && _y !== void 0 ? _y : true,
        unicodeRegExp: (_z = o.unicodeRegExp) !== null && _z !== void 0 ? _z : true,
        int32range: (_0 = o.int32range) !== null && _0 !== void 0 ? _0 : true,
        uriResolver
      };
    }
    var Ajv = class {
      constructor(opts = {}) {
        this.schemas = {};
        this.refs = {};
        this.formats = /* @__PURE__ */ Object.create(null);
        this._compilations = /* @__PURE__ */ new Set();
        this._loading = {};
        this._cache = /* @__PURE__ */ new Map();
        opts = this.opts = { ...opts, ...requiredOptions(opts) };
        const { es5, lines } = this.opts.code;
        this.scope = new codegen_2.ValueScope({ scope: {}, prefixes: EXT_SCOPE_NAMES, es5, lines });
        this.logger = getLogger(opts.logger);
        const formatOpt = opts.validateFormats;
        opts.validateFormats = false;
        this.RULES = (0, rules_1.getRules)();
        checkOptions.call(this, removedOptions, opts, "NOT SUPPORTED");
        checkOptions.call(this, deprecatedOptions, opts, "DEPRECATED", "warn");
        this._metaOpts = getMetaSchemaOptions.call(this);
        if (opts.formats)
          addInitialFormats.call(this);
        this._addVocabularies();
        this._addDefaultMetaSchema();
        if (opts.keywords)
          addInitialKeywords.call(this, opts.keywords);
        if (typeof opts.meta == "object")
          this.addMetaSchema(opts.meta);
        addInitialSchemas.call(this);
        opts.validateFormats = formatOpt;
      }
      _addVocabularies() {
        this.addKeyword("$async");
      }
      _addDefaultMetaSchema() {
        const { $data, meta, schemaId } = this.opts;
        let _dataRefSchema = $dataRefSchema;
        if (schemaId === "id") {
          _dataRefSchema = { ...$dataRefSchema };
          _dataRefSchema.id = _dataRefSchema.$id;
          delete _dataRefSchema.$id;
        }
        if (meta && $data)
          this.addMetaSchema(_dataRefSchema, _dataRefSchema[schemaId], false);
      }
      defaultMeta() {
        const { meta, schemaId } = this.opts;
        return this.opts.defaultMeta = typeof meta == "object" ? meta[schemaId] || meta : void 0;
      }
      validate(schemaKeyRef, data) {
        let v;
        if (typeof schemaKeyRef == "string") {
          v = this.getSchema(schemaKeyRef);
          if (!v)
            throw new Error(`no schema with key or ref "${schemaKeyRef}"`);
        } else {
          v = this.compile(schemaKeyRef);
        }
        const valid = v(data);
        if (!("$async" in v))
          this.errors = v.errors;
        return valid;
      }
      compile(schema, _meta) {
        const sch = this._addSchema(schema, _meta);
        return sch.validate || this._compileSchemaEnv(sch);
      }
      compileAsync(schema, meta) {
        if (typeof this.opts.loadSchema != "function") {
          throw new Error("options.loadSchema should be a function");
        }
        const { loadSchema } = this.opts;
        return runCompileAsync.call(this, schema, meta);
        async function runCompileAsync(_schema, _meta) {
          await loadMetaSchema.call(this, _schema.$schema);
          const sch = this._addSchema(_schema, _meta);
          return sch.validate || _compileAsync.call(this, sch);
        }
        async function loadMetaSchema($ref) {
          if ($ref && !this.getSchema($ref)) {
            await runCompileAsync.call(this, { $ref }, true);
          }
        }
        async function _compileAsync(sch) {
          try {
            return this._compileSchemaEnv(sch);
          } catch (e) {
            if (!(e instanceof ref_error_1.default))
              throw e;
            checkLoaded.call(this, e);
            await loadMissingSchema.call(this, e.missingSchema);
            return _compileAsync.call(this, sch);
          }
        }
        function checkLoaded({ missingSchema: ref, missingRef }) {
          if (this.refs[ref]) {
            throw new Error(`AnySchema ${ref} is loaded but ${missingRef} cannot be resolved`);
          }
        }
        async function loadMissingSchema(ref) {
          const _schema = await _loadSchema.call(this, ref);
          if (!this.refs[ref])
            await loadMetaSchema.call(this, _schema.$schema);
          if (!this.refs[ref])
            this.addSchema(_schema, ref, meta);
        }
        async function _loadSchema(ref) {
          const p = this._loading[ref];
          if (p)
            return p;
          try {
            return await (this._loading[ref] = loadSchema(ref));
          } finally {
            delete this._loading[ref];
          }
        }
      }
      // Adds schema to the instance
      addSchema(schema, key, _meta, _validateSchema = this.opts.validateSchema) {
        if (Array.isArray(schema)) {
          for (const sch of schema)
            this.addSchema(sch, void 0, _meta, _validateSchema);
          return this;
        }
        let id;
        if (typeof schema === "object") {
          const { schemaId } = this.opts;
          id = schema[schemaId];
          if (id !== void 0 && typeof id != "string") {
            throw new Error(`schema ${schemaId} must be string`);
          }
        }
        key = (0, resolve_1.normalizeId)(key || id);
        this._checkUnique(key);
        this.schemas[key] = this._addSchema(schema, _meta, key, _validateSchema, true);
        return this;
      }
      // Add schema that will be used to validate other schemas
      // options in META_IGNORE_OPTIONS are alway set to false
      addMetaSchema(schema, key, _validateSchema = this.opts.validateSchema) {
        this.addSchema(schema, key, true, _validateSchema);
        return this;
      }
      //  Validate schema against its meta-schema
      validateSchema(schema, throwOrLogError) {
        if (typeof schema == "boolean")
          return true;
        let $schema;
        $schema = schema.$schema;
        if ($schema !== void 0 && typeof $schema != "string") {
          throw new Error("$schema must be a string");
        }
        $schema = $schema || this.opts.defaultMeta || this.defaultMeta();
        if (!$schema) {
          this.logger.warn("meta-schema not available");
          this.errors = null;
          return true;
        }
        const valid = this.validate($schema, schema);
        if (!valid && throwOrLogError) {
          const message = "schema is invalid: " + this.errorsText();
          if (this.opts.validateSchema === "log")
            this.logger.error(message);
          else
            throw new Error(message);
        }
        return valid;
      }
      // Get compiled schema by `key` or `ref`.
      // (`key` that was passed to `addSchema` or full schema reference - `schema.$id` or resolved id)
      getSchema(keyRef) {
        let sch;
        while (typeof (sch = getSchEnv.call(this, keyRef)) == "string")
          keyRef = sch;
        if (sch === void 0) {
          const { schemaId } = this.opts;
          const root = new compile_1.SchemaEnv({ schema: {}, schemaId });
          sch = compile_1.resolveSchema.call(this, root, keyRef);
          if (!sch)
            return;
          this.refs[keyRef] = sch;
        }
        return sch.validate || this._compileSchemaEnv(sch);
      }
      // Remove cached schema(s).
      // If no parameter is passed all schemas but meta-schemas are removed.
      // If RegExp is passed all schemas with key/id matching pattern but meta-schemas are removed.
      // Even if schema is referenced by other schemas it still can be removed as other schemas have local references.
      removeSchema(schemaKeyRef) {
        if (schemaKeyRef instanceof RegExp) {
          this._removeAllSchemas(this.schemas, schemaKeyRef);
          this._removeAllSchemas(this.refs, schemaKeyRef);
          return this;
        }
        switch (typeof schemaKeyRef) {
          case "undefined":
            this._removeAllSchemas(this.schemas);
            this._removeAllSchemas(this.refs);
            this._cache.clear();
            return this;
          case "string": {
            const sch = getSchEnv.call(this, schemaKeyRef);
            if (typeof sch == "object")
              this._cache.delete(sch.schema);
            delete this.schemas[schemaKeyRef];
            delete this.refs[schemaKeyRef];
            return this;
          }
          case "object": {
            const cacheKey = schemaKeyRef;
            this._cache.delete(cacheKey);
            let id = schemaKeyRef[this.opts.schemaId];
            if (id) {
              id = (0, resolve_1.normalizeId)(id);
              delete this.schemas[id];
              delete this.refs[id];
            }
            return this;
          }
          default:
            throw new Error("ajv.removeSchema: invalid parameter");
        }
      }
      // add "vocabulary" - a collection of keywords
      addVocabulary(definitions) {
        for (const def of definitions)
          this.addKeyword(def);
        return this;
      }
      addKeyword(kwdOrDef, def) {
        let keyword;
        if (typeof kwdOrDef == "string") {
          keyword = kwdOrDef;
          if (typeof def == "object") {
            this.logger.warn("these parameters are deprecated, see docs for addKeyword");
            def.keyword = keyword;
          }
        } else if (typeof kwdOrDef == "object" && def === void 0) {
          def = kwdOrDef;
          keyword = def.keyword;
          if (Array.isArray(keyword) && !keyword.length) {
            throw new Error("addKeywords: keyword must be string or non-empty array");
          }
        } else {
          throw new Error("invalid addKeywords parameters");
        }
        checkKeyword.call(this, keyword, def);
        if (!def) {
          (0, util_1.eachItem)(keyword, (kwd) => addRule.call(this, kwd));
          return this;
        }
        keywordMetaschema.call(this, def);
        const definition = {
          ...def,
          type: (0, dataType_1.getJSONTypes)(def.type),
          schemaType: (0, dataType_1.getJSONTypes)(def.schemaType)
        };
        (0, util_1.eachItem)(keyword, definition.type.length === 0 ? (k) => addRule.call(this, k, definition) : (k) => definition.type.forEach((t) => addRule.call(this, k, definition, t)));
        return this;
      }
      getKeyword(keyword) {
        const rule = this.RULES.all[keyword];
        return typeof rule == "object" ? rule.definition : !!rule;
      }
      // Remove keyword
      removeKeyword(keyword) {
        const { RULES } = this;
        delete RULES.keywords[keyword];
        delete RULES.all[keyword];
        for (const group of RULES.rules) {
          const i = group.rules.findIndex((rule) => rule.keyword === keyword);
          if (i >= 0)
            group.rules.splice(i, 1);
        }
        return this;
      }
      // Add format
      addFormat(name, format) {
        if (typeof format == "string")
          format = new RegExp(format);
        this.formats[name] = format;
        return this;
      }
      errorsText(errors = this.errors, { separator = ", ", dataVar = "data" } = {}) {
        if (!errors || errors.length === 0)
          return "No errors";
        return errors.map((e) => `${dataVar}${e.instancePath} ${e.message}`).reduce((text, msg) => text + separator + msg);
      }
      $dataMetaSchema(metaSchema, keywordsJsonPointers) {
        const rules = this.RULES.all;
        metaSchema = JSON.parse(JSON.stringify(metaSchema));
        for (const jsonPointer of keywordsJsonPointers) {
          const segments = jsonPointer.split("/").slice(1);
          let keywords = metaSchema;
          for (const seg of segments)
            keywords = keywords[seg];
          for (const key in rules) {
            const rule = rules[key];
            if (typeof rule != "object")
              continue;
            const { $data } = rule.definition;
            const schema = keywords[key];
            if ($data && schema)
              keywords[key] = schemaOrData(schema);
          }
        }
        return metaSchema;
      }
      _removeAllSchemas(schemas, regex) {
        for (const keyRef in schemas) {
          const sch = schemas[keyRef];
          if (!regex || regex.test(keyRef)) {
            if (typeof sch == "string") {
              delete schemas[keyRef];
            } else if (sch && !sch.meta) {
              this._cache.delete(sch.schema);
              delete schemas[keyRef];
            }
          }
        }
      }
      _addSchema(schema, meta, baseId, validateSchema = this.opts.validateSchema, addSchema = this.opts.addUsedSchema) {
        let id;
        const { schemaId } = this.opts;
        if (typeof schema == "object") {
          id = schema[schemaId];
        } else {
          if (this.opts.jtd)
            throw new Error("schema must be object");
          else if (typeof schema != "boolean")
            throw new Error("schema must be object or boolean");
        }
        let sch = this._cache.get(schema);
        if (sch !== void 0)
          return sch;
        baseId = (0, resolve_1.normalizeId)(id || baseId);
        const localRefs = resolve_1.getSchemaRefs.call(this, schema, baseId);
        sch = new compile_1.SchemaEnv({ schema, schemaId, meta, baseId, localRefs });
        this._cache.set(sch.schema, sch);
        if (addSchema && !baseId.startsWith("#")) {
          if (baseId)
            this._checkUnique(baseId);
          this.refs[baseId] = sch;
        }
        if (validateSchema)
          this.validateSchema(schema, true);
        return sch;
      }
      _checkUnique(id) {
        if (this.schemas[id] || this.refs[id]) {
          throw new Error(`schema with key or id "${id}" already exists`);
        }
      }
      _compileSchemaEnv(sch) {
        if (sch.meta)
          this._compileMetaSchema(sch);
        else
          compile_1.compileSchema.call(this, sch);
        if (!sch.validate)
          throw new Error("ajv implementation error");
        return sch.validate;
      }
      _compileMetaSchema(sch) {
        const currentOpts = this.opts;
        this.opts = this._metaOpts;
        try {
          compile_1.compileSchema.call(this, sch);
        } finally {
          this.opts = currentOpts;
        }
      }
    };
    Ajv.ValidationError = validation_error_1.default;
    Ajv.MissingRefError = ref_error_1.default;
    exports.default = Ajv;
    function checkOptions(checkOpts, options, msg, log = "error") {
      for (const key in checkOpts) {
        const opt = key;
        if (opt in options)
          this.logger[log](`${msg}: option ${key}. ${checkOpts[opt]}`);
      }
    }
    function getSchEnv(keyRef) {
      keyRef = (0, resolve_1.normalizeId)(keyRef);
      return this.schemas[keyRef] || this.refs[keyRef];
    }
    function addInitialSchemas() {
      const optsSchemas = this.opts.schemas;
      if (!optsSchemas)
        return;
      if (Array.isArray(optsSchemas))
        this.addSchema(optsSchemas);
      else
        for (const key in optsSchemas)
          this.addSchema(optsSchemas[key], key);
    }
    function addInitialFormats() {
      for (const name in this.opts.formats) {
        const format = this.opts.formats[name];
        if (format)
          this.addFormat(name, format);
      }
    }
    function addInitialKeywords(defs) {
      if (Array.isArray(defs)) {
        this.addVocabulary(defs);
        return;
      }
      this.logger.warn("keywords option as map is deprecated, pass array");
      for (const keyword in defs) {
        const def = defs[keyword];
        if (!def.keyword)
          def.keyword = keyword;
        this.addKeyword(def);
      }
    }
    function getMetaSchemaOptions() {
      const metaOpts = { ...this.opts };
      for (const opt of META_IGNORE_OPTIONS)
        delete metaOpts[opt];
      return metaOpts;
    }
    var noLogs = { log() {
    }, warn() {
    }, error() {
    } };
    function getLogger(logger) {
      if (logger === false)
        return noLogs;
      if (logger === void 0)
        return console;
      if (logger.log && logger.warn && logger.error)
        return logger;
      throw new Error("logger must implement log, warn and error methods");
    }
    var KEYWORD_NAME = /^[a-z_$][a-z0-9_$:-]*$/i;
    function checkKeyword(keyword, def) {
      const { RULES } = this;
      (0, util_1.eachItem)(keyword, (kwd) => {
        if (RULES.keywords[kwd])
          throw new Error(`Keyword ${kwd} is already defined`);
        if (!KEYWORD_NAME.test(kwd))
          throw new Error(`Keyword ${kwd} has invalid name`);
      });
      if (!def)
        return;
      if (def.$data && !("code" in def || "validate" in def)) {
        throw new Error('$data keyword must have "code" or "validate" function');
      }
    }
    function addRule(keyword, definition, dataType) {
      var _a;
      const post = definition === null || definition === void 0 ? void 0 : definition.post;
      if (dataType && post)
        throw new Error('keyword with "post" flag cannot have "type"');
      const { RULES } = this;
      let ruleGroup = post ? RULES.post : RULES.rules.find(({ type: t }) => t === dataType);
      if (!ruleGroup) {
        ruleGroup = { type: dataType, rules: [] };
        RULES.rules.push(ruleGroup);
      }
      RULES.keywords[keyword] = true;
      if (!definition)
        return;
      const rule = {
        keyword,
        definition: {
          ...definition,
          type: (0, dataType_1.getJSONTypes)(definition.type),
          schemaType: (0, dataType_1.getJSONTypes)(definition.schemaType)
        }
      };
      if (definition.before)
        addBeforeRule.call(this, ruleGroup, rule, definition.before);
      else
        ruleGroup.rules.push(rule);
      RULES.all[keyword] = rule;
      (_a = definition.implements) === null || _a === void 0 ? void 0 : _a.forEach((kwd) => this.addKeyword(kwd));
    }
    function addBeforeRule(ruleGroup, rule, before) {
      const i = ruleGroup.rules.findIndex((_rule) => _rule.keyword === before);
      if (i >= 0) {
        ruleGroup.rules.splice(i, 0, rule);
      } else {
        ruleGroup.rules.push(rule);
        this.logger.warn(`rule ${before} is not defined`);
      }
    }
    function keywordMetaschema(def) {
      let { metaSchema } = def;
      if (metaSchema === void 0)
        return;
      if (def.$data && this.opts.$data)
        metaSchema = schemaOrData(metaSchema);
      def.validateSchema = this.compile(metaSchema, true);
    }
    var $dataRef = {
      $ref: "https://raw.githubusercontent.com/ajv-validator/ajv/master/lib/refs/data.json#"
    };
    function schemaOrData(schema) {
      return { anyOf: [schema, $dataRef] };
    }
  }
});

// node_modules/ajv/dist/vocabularies/core/id.js
var require_id = __commonJS({
  "node_modules/ajv/dist/vocabularies/core/id.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var def = {
      keyword: "id",
      code() {
        throw new Error('NOT SUPPORTED: keyword "id", use "$id" for schema ID');
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/core/ref.js
var require_ref = __commonJS({
  "node_modules/ajv/dist/vocabularies/core/ref.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.callRef = exports.getValidate = void 0;
    var ref_error_1 = require_ref_error();
    var code_1 = require_code2();
    var codegen_1 = require_codegen();
    var names_1 = require_names();
    var compile_1 = require_compile();
    var util_1 = require_util();
    var def = {
      keyword: "$ref",
      schemaType: "string",
      code(cxt) {
        const { gen, schema: $ref, it } = cxt;
        const { baseId, schemaEnv: env, validateName, opts, self } = it;
        const { root } = env;
        if (($ref === "#" || $ref === "#/") && baseId === root.baseId)
          return callRootRef();
        const schOrEnv = compile_1.resolveRef.call(self, root, baseId, $ref);
        if (schOrEnv === void 0)
          throw new ref_error_1.default(it.opts.uriResolver, baseId, $ref);
        if (schOrEnv instanceof compile_1.SchemaEnv)
          return callValidate(schOrEnv);
        return inlineRefSchema(schOrEnv);
        function callRootRef() {
          if (env === root)
            return callRef(cxt, validateName, env, env.$async);
          const rootName = gen.scopeValue("root", { ref: root });
          return callRef(cxt, (0, codegen_1._)`${rootName}.validate`, root, root.$async);
        }
        function callValidate(sch) {
          const v = getValidate(cxt, sch);
          callRef(cxt, v, sch, sch.$async);
        }
        function inlineRefSchema(sch) {
          const schName = gen.scopeValue("schema", opts.code.source === true ? { ref: sch, code: (0, codegen_1.stringify)(sch) } : { ref: sch });
          const valid = gen.name("valid");
          const schCxt = cxt.subschema({
            schema: sch,
            dataTypes: [],
            schemaPath: codegen_1.nil,
            topSchemaRef: schName,
            errSchemaPath: $ref
          }, valid);
          cxt.mergeEvaluated(schCxt);
          cxt.ok(valid);
        }
      }
    };
    function getValidate(cxt, sch) {
      const { gen } = cxt;
      return sch.validate ? gen.scopeValue("validate", { ref: sch.validate }) : (0, codegen_1._)`${gen.scopeValue("wrapper", { ref: sch })}.validate`;
    }
    exports.getValidate = getValidate;
    function callRef(cxt, v, sch, $async) {
      const { gen, it } = cxt;
      const { allErrors, schemaEnv: env, opts } = it;
      const passCxt = opts.passContext ? names_1.default.this : codegen_1.nil;
      if ($async)
        callAsyncRef();
      else
        callSyncRef();
      function callAsyncRef() {
        if (!env.$async)
          throw new Error("async schema referenced by sync schema");
        const valid = gen.let("valid");
        gen.try(() => {
          gen.code((0, codegen_1._)`await ${(0, code_1.callValidateCode)(cxt, v, passCxt)}`);
          addEvaluatedFrom(v);
          if (!allErrors)
            gen.assign(valid, true);
        }, (e) => {
          gen.if((0, codegen_1._)`!(${e} instanceof ${it.ValidationError})`, () => gen.throw(e));
          addErrorsFrom(e);
          if (!allErrors)
            gen.assign(valid, false);
        });
        cxt.ok(valid);
      }
      function callSyncRef() {
        cxt.result((0, code_1.callValidateCode)(cxt, v, passCxt), () => addEvaluatedFrom(v), () => addErrorsFrom(v));
      }
      function addErrorsFrom(source) {
        const errs = (0, codegen_1._)`${source}.errors`;
        gen.assign(names_1.default.vErrors, (0, codegen_1._)`${names_1.default.vErrors} === null ? ${errs} : ${names_1.default.vErrors}.concat(${errs})`);
        gen.assign(names_1.default.errors, (0, codegen_1._)`${names_1.default.vErrors}.length`);
      }
      function addEvaluatedFrom(source) {
        var _a;
        if (!it.opts.unevaluated)
          return;
        const schEvaluated = (_a = sch === null || sch === void 0 ? void 0 : sch.validate) === null || _a === void 0 ? void 0 : _a.evaluated;
        if (it.props !== true) {
          if (schEvaluated && !schEvaluated.dynamicProps) {
            if (schEvaluated.props !== void 0) {
              it.props = util_1.mergeEvaluated.props(gen, schEvaluated.props, it.props);
            }
          } else {
            const props = gen.var("props", (0, codegen_1._)`${source}.evaluated.props`);
            it.props = util_1.mergeEvaluated.props(gen, props, it.props, codegen_1.Name);
          }
        }
        if (it.items !== true) {
          if (schEvaluated && !schEvaluated.dynamicItems) {
            if (schEvaluated.items !== void 0) {
              it.items = util_1.mergeEvaluated.items(gen, schEvaluated.items, it.items);
            }
          } else {
            const items = gen.var("items", (0, codegen_1._)`${source}.evaluated.items`);
            it.items = util_1.mergeEvaluated.items(gen, items, it.items, codegen_1.Name);
          }
        }
      }
    }
    exports.callRef = callRef;
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/core/index.js
var require_core2 = __commonJS({
  "node_modules/ajv/dist/vocabularies/core/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var id_1 = require_id();
    var ref_1 = require_ref();
    var core = [
      "$schema",
      "$id",
      "$defs",
      "$vocabulary",
      { keyword: "$comment" },
      "definitions",
      id_1.default,
      ref_1.default
    ];
    exports.default = core;
  }
});

// node_modules/ajv/dist/vocabularies/validation/limitNumber.js
var require_limitNumber = __commonJS({
  "node_modules/ajv/dist/vocabularies/validation/limitNumber.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var ops = codegen_1.operators;
    var KWDs = {
      maximum: { okStr: "<=", ok: ops.LTE, fail: ops.GT },
      minimum: { okStr: ">=", ok: ops.GTE, fail: ops.LT },
      exclusiveMaximum: { okStr: "<", ok: ops.LT, fail: ops.GTE },
      exclusiveMinimum: { okStr: ">", ok: ops.GT, fail: ops.LTE }
    };
    var error = {
      message: ({ keyword, schemaCode }) => (0, codegen_1.str)`must be ${KWDs[keyword].okStr} ${schemaCode}`,
      params: ({ keyword, schemaCode }) => (0, codegen_1._)`{comparison: ${KWDs[keyword].okStr}, limit: ${schemaCode}}`
    };
    var def = {
      keyword: Object.keys(KWDs),
      type: "number",
      schemaType: "number",
      $data: true,
      error,
      code(cxt) {
        const { keyword, data, schemaCode } = cxt;
        cxt.fail$data((0, codegen_1._)`${data} ${KWDs[keyword].fail} ${schemaCode} || isNaN(${data})`);
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/validation/multipleOf.js
var require_multipleOf = __commonJS({
  "node_modules/ajv/dist/vocabularies/validation/multipleOf.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var error = {
      message: ({ schemaCode }) => (0, codegen_1.str)`must be multiple of ${schemaCode}`,
      params: ({ schemaCode }) => (0, codegen_1._)`{multipleOf: ${schemaCode}}`
    };
    var def = {
      keyword: "multipleOf",
      type: "number",
      schemaType: "number",
      $data: true,
      error,
      code(cxt) {
        const { gen, data, schemaCode, it } = cxt;
        const prec = it.opts.multipleOfPrecision;
        const res = gen.let("res");
        const invalid2 = prec ? (0, codegen_1._)`Math.abs(Math.round(${res}) - ${res}) > 1e-${prec}` : (0, codegen_1._)`${res} !== parseInt(${res})`;
        cxt.fail$data((0, codegen_1._)`(${schemaCode} === 0 || (${res} = ${data}/${schemaCode}, ${invalid2}))`);
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/runtime/ucs2length.js
var require_ucs2length = __commonJS({
  "node_modules/ajv/dist/runtime/ucs2length.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    function ucs2length(str) {
      const len = str.length;
      let length = 0;
      let pos = 0;
      let value;
      while (pos < len) {
        length++;
        value = str.charCodeAt(pos++);
        if (value >= 55296 && value <= 56319 && pos < len) {
          value = str.charCodeAt(pos);
          if ((value & 64512) === 56320)
            pos++;
        }
      }
      return length;
    }
    exports.default = ucs2length;
    ucs2length.code = 'require("ajv/dist/runtime/ucs2length").default';
  }
});

// node_modules/ajv/dist/vocabularies/validation/limitLength.js
var require_limitLength = __commonJS({
  "node_modules/ajv/dist/vocabularies/validation/limitLength.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var ucs2length_1 = require_ucs2length();
    var error = {
      message({ keyword, schemaCode }) {
        const comp = keyword === "maxLength" ? "more" : "fewer";
        return (0, codegen_1.str)`must NOT have ${comp} than ${schemaCode} characters`;
      },
      params: ({ schemaCode }) => (0, codegen_1._)`{limit: ${schemaCode}}`
    };
    var def = {
      keyword: ["maxLength", "minLength"],
      type: "string",
      schemaType: "number",
      $data: true,
      error,
      code(cxt) {
        const { keyword, data, schemaCode, it } = cxt;
        const op = keyword === "maxLength" ? codegen_1.operators.GT : codegen_1.operators.LT;
        const len = it.opts.unicode === false ? (0, codegen_1._)`${data}.length` : (0, codegen_1._)`${(0, util_1.useFunc)(cxt.gen, ucs2length_1.default)}(${data})`;
        cxt.fail$data((0, codegen_1._)`${len} ${op} ${schemaCode}`);
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/validation/pattern.js
var require_pattern = __commonJS({
  "node_modules/ajv/dist/vocabularies/validation/pattern.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var code_1 = require_code2();
    var util_1 = require_util();
    var codegen_1 = require_codegen();
    var error = {
      message: ({ schemaCode }) => (0, codegen_1.str)`must match pattern "${schemaCode}"`,
      params: ({ schemaCode }) => (0, codegen_1._)`{pattern: ${schemaCode}}`
    };
    var def = {
      keyword: "pattern",
      type: "string",
      schemaType: "string",
      $data: true,
      error,
      code(cxt) {
        const { gen, data, $data, schema, schemaCode, it } = cxt;
        const u = it.opts.unicodeRegExp ? "u" : "";
        if ($data) {
          const { regExp } = it.opts.code;
          const regExpCode = regExp.code === "new RegExp" ? (0, codegen_1._)`new RegExp` : (0, util_1.useFunc)(gen, regExp);
          const valid = gen.let("valid");
          gen.try(() => gen.assign(valid, (0, codegen_1._)`${regExpCode}(${schemaCode}, ${u}).test(${data})`), () => gen.assign(valid, false));
          cxt.fail$data((0, codegen_1._)`!${valid}`);
        } else {
          const regExp = (0, code_1.usePattern)(cxt, schema);
          cxt.fail$data((0, codegen_1._)`!${regExp}.test(${data})`);
        }
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/validation/limitProperties.js
var require_limitProperties = __commonJS({
  "node_modules/ajv/dist/vocabularies/validation/limitProperties.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var error = {
      message({ keyword, schemaCode }) {
        const comp = keyword === "maxProperties" ? "more" : "fewer";
        return (0, codegen_1.str)`must NOT have ${comp} than ${schemaCode} properties`;
      },
      params: ({ schemaCode }) => (0, codegen_1._)`{limit: ${schemaCode}}`
    };
    var def = {
      keyword: ["maxProperties", "minProperties"],
      type: "object",
      schemaType: "number",
      $data: true,
      error,
      code(cxt) {
        const { keyword, data, schemaCode } = cxt;
        const op = keyword === "maxProperties" ? codegen_1.operators.GT : codegen_1.operators.LT;
        cxt.fail$data((0, codegen_1._)`Object.keys(${data}).length ${op} ${schemaCode}`);
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/validation/required.js
var require_required = __commonJS({
  "node_modules/ajv/dist/vocabularies/validation/required.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var code_1 = require_code2();
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var error = {
      message: ({ params: { missingProperty } }) => (0, codegen_1.str)`must have required property '${missingProperty}'`,
      params: ({ params: { missingProperty } }) => (0, codegen_1._)`{missingProperty: ${missingProperty}}`
    };
    var def = {
      keyword: "required",
      type: "object",
      schemaType: "array",
      $data: true,
      error,
      code(cxt) {
        const { gen, schema, schemaCode, data, $data, it } = cxt;
        const { opts } = it;
        if (!$data && schema.length === 0)
          return;
        const useLoop = schema.length >= opts.loopRequired;
        if (it.allErrors)
          allErrorsMode();
        else
          exitOnErrorMode();
        if (opts.strictRequired) {
          const props = cxt.parentSchema.properties;
          const { definedProperties } = cxt.it;
          for (const requiredKey of schema) {
            if ((props === null || props === void 0 ? void 0 : props[requiredKey]) === void 0 && !definedProperties.has(requiredKey)) {
              const schemaPath = it.schemaEnv.baseId + it.errSchemaPath;
              const msg = `required property "${requiredKey}" is not defined at "${schemaPath}" (strictRequired)`;
              (0, util_1.checkStrictMode)(it, msg, it.opts.strictRequired);
            }
          }
        }
        function allErrorsMode() {
          if (useLoop || $data) {
            cxt.block$data(codegen_1.nil, loopAllRequired);
          } else {
            for (const prop of schema) {
              (0, code_1.checkReportMissingProp)(cxt, prop);
            }
          }
        }
        function exitOnErrorMode() {
          const missing = gen.let("missing");
          if (useLoop || $data) {
            const valid = gen.let("valid", true);
            cxt.block$data(valid, () => loopUntilMissing(missing, valid));
            cxt.ok(valid);
          } else {
            gen.if((0, code_1.checkMissingProp)(cxt, schema, missing));
            (0, code_1.reportMissingProp)(cxt, missing);
            gen.else();
          }
        }
        function loopAllRequired() {
          gen.forOf("prop", schemaCode, (prop) => {
            cxt.setParams({ missingProperty: prop });
            gen.if((0, code_1.noPropertyInData)(gen, data, prop, opts.ownProperties), () => cxt.error());
          });
        }
        function loopUntilMissing(missing, valid) {
          cxt.setParams({ missingProperty: missing });
          gen.forOf(missing, schemaCode, () => {
            gen.assign(valid, (0, code_1.propertyInData)(gen, data, missing, opts.ownProperties));
            gen.if((0, codegen_1.not)(valid), () => {
              cxt.error();
              gen.break();
            });
          }, codegen_1.nil);
        }
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/validation/limitItems.js
var require_limitItems = __commonJS({
  "node_modules/ajv/dist/vocabularies/validation/limitItems.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var error = {
      message({ keyword, schemaCode }) {
        const comp = keyword === "maxItems" ? "more" : "fewer";
        return (0, codegen_1.str)`must NOT have ${comp} than ${schemaCode} items`;
      },
      params: ({ schemaCode }) => (0, codegen_1._)`{limit: ${schemaCode}}`
    };
    var def = {
      keyword: ["maxItems", "minItems"],
      type: "array",
      schemaType: "number",
      $data: true,
      error,
      code(cxt) {
        const { keyword, data, schemaCode } = cxt;
        const op = keyword === "maxItems" ? codegen_1.operators.GT : codegen_1.operators.LT;
        cxt.fail$data((0, codegen_1._)`${data}.length ${op} ${schemaCode}`);
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/runtime/equal.js
var require_equal = __commonJS({
  "node_modules/ajv/dist/runtime/equal.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var equal = require_fast_deep_equal();
    equal.code = 'require("ajv/dist/runtime/equal").default';
    exports.default = equal;
  }
});

// node_modules/ajv/dist/vocabularies/validation/uniqueItems.js
var require_uniqueItems = __commonJS({
  "node_modules/ajv/dist/vocabularies/validation/uniqueItems.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var dataType_1 = require_dataType();
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var equal_1 = require_equal();
    var error = {
      message: ({ params: { i, j } }) => (0, codegen_1.str)`must NOT have duplicate items (items ## ${j} and ${i} are identical)`,
      params: ({ params: { i, j } }) => (0, codegen_1._)`{i: ${i}, j: ${j}}`
    };
    var def = {
      keyword: "uniqueItems",
      type: "array",
      schemaType: "boolean",
      $data: true,
      error,
      code(cxt) {
        const { gen, data, $data, schema, parentSchema, schemaCode, it } = cxt;
        if (!$data && !schema)
          return;
        const valid = gen.let("valid");
        const itemTypes = parentSchema.items ? (0, dataType_1.getSchemaTypes)(parentSchema.items) : [];
        cxt.block$data(valid, validateUniqueItems, (0, codegen_1._)`${schemaCode} === false`);
        cxt.ok(valid);
        function validateUniqueItems() {
          const i = gen.let("i", (0, codegen_1._)`${data}.length`);
          const j = gen.let("j");
          cxt.setParams({ i, j });
          gen.assign(valid, true);
          gen.if((0, codegen_1._)`${i} > 1`, () => (canOptimize() ? loopN : loopN2)(i, j));
        }
        function canOptimize() {
          return itemTypes.length > 0 && !itemTypes.some((t) => t === "object" || t === "array");
        }
        function loopN(i, j) {
          const item = gen.name("item");
          const wrongType = (0, dataType_1.checkDataTypes)(itemTypes, item, it.opts.strictNumbers, dataType_1.DataType.Wrong);
          const indices = gen.const("indices", (0, codegen_1._)`{}`);
          gen.for((0, codegen_1._)`;${i}--;`, () => {
            gen.let(item, (0, codegen_1._)`${data}[${i}]`);
            gen.if(wrongType, (0, codegen_1._)`continue`);
            if (itemTypes.length > 1)
              gen.if((0, codegen_1._)`typeof ${item} == "string"`, (0, codegen_1._)`${item} += "_"`);
            gen.if((0, codegen_1._)`typeof ${indices}[${item}] == "number"`, () => {
              gen.assign(j, (0, codegen_1._)`${indices}[${item}]`);
              cxt.error();
              gen.assign(valid, false).break();
            }).code((0, codegen_1._)`${indices}[${item}] = ${i}`);
          });
        }
        function loopN2(i, j) {
          const eql = (0, util_1.useFunc)(gen, equal_1.default);
          const outer = gen.name("outer");
          gen.label(outer).for((0, codegen_1._)`;${i}--;`, () => gen.for((0, codegen_1._)`${j} = ${i}; ${j}--;`, () => gen.if((0, codegen_1._)`${eql}(${data}[${i}], ${data}[${j}])`, () => {
            cxt.error();
            gen.assign(valid, false).break(outer);
          })));
        }
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/validation/const.js
var require_const = __commonJS({
  "node_modules/ajv/dist/vocabularies/validation/const.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var equal_1 = require_equal();
    var error = {
      message: "must be equal to constant",
      params: ({ schemaCode }) => (0, codegen_1._)`{allowedValue: ${schemaCode}}`
    };
    var def = {
      keyword: "const",
      $data: true,
      error,
      code(cxt) {
        const { gen, data, $data, schemaCode, schema } = cxt;
        if ($data || schema && typeof schema == "object") {
          cxt.fail$data((0, codegen_1._)`!${(0, util_1.useFunc)(gen, equal_1.default)}(${data}, ${schemaCode})`);
        } else {
          cxt.fail((0, codegen_1._)`${schema} !== ${data}`);
        }
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/validation/enum.js
var require_enum = __commonJS({
  "node_modules/ajv/dist/vocabularies/validation/enum.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var equal_1 = require_equal();
    var error = {
      message: "must be equal to one of the allowed values",
      params: ({ schemaCode }) => (0, codegen_1._)`{allowedValues: ${schemaCode}}`
    };
    var def = {
      keyword: "enum",
      schemaType: "array",
      $data: true,
      error,
      code(cxt) {
        const { gen, data, $data, schema, schemaCode, it } = cxt;
        if (!$data && schema.length === 0)
          throw new Error("enum must have non-empty array");
        const useLoop = schema.length >= it.opts.loopEnum;
        let eql;
        const getEql = () => eql !== null && eql !== void 0 ? eql : eql = (0, util_1.useFunc)(gen, equal_1.default);
        let valid;
        if (useLoop || $data) {
          valid = gen.let("valid");
          cxt.block$data(valid, loopEnum);
        } else {
          if (!Array.isArray(schema))
            throw new Error("ajv implementation error");
          const vSchema = gen.const("vSchema", schemaCode);
          valid = (0, codegen_1.or)(...schema.map((_x, i) => equalCode(vSchema, i)));
        }
        cxt.pass(valid);
        function loopEnum() {
          gen.assign(valid, false);
          gen.forOf("v", schemaCode, (v) => gen.if((0, codegen_1._)`${getEql()}(${data}, ${v})`, () => gen.assign(valid, true).break()));
        }
        function equalCode(vSchema, i) {
          const sch = schema[i];
          return typeof sch === "object" && sch !== null ? (0, codegen_1._)`${getEql()}(${data}, ${vSchema}[${i}])` : (0, codegen_1._)`${data} === ${sch}`;
        }
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/validation/index.js
var require_validation = __commonJS({
  "node_modules/ajv/dist/vocabularies/validation/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var limitNumber_1 = require_limitNumber();
    var multipleOf_1 = require_multipleOf();
    var limitLength_1 = require_limitLength();
    var pattern_1 = require_pattern();
    var limitProperties_1 = require_limitProperties();
    var required_1 = require_required();
    var limitItems_1 = require_limitItems();
    var uniqueItems_1 = require_uniqueItems();
    var const_1 = require_const();
    var enum_1 = require_enum();
    var validation = [
      // number
      limitNumber_1.default,
      multipleOf_1.default,
      // string
      limitLength_1.default,
      pattern_1.default,
      // object
      limitProperties_1.default,
      required_1.default,
      // array
      limitItems_1.default,
      uniqueItems_1.default,
      // any
      { keyword: "type", schemaType: ["string", "array"] },
      { keyword: "nullable", schemaType: "boolean" },
      const_1.default,
      enum_1.default
    ];
    exports.default = validation;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/additionalItems.js
var require_additionalItems = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/additionalItems.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.validateAdditionalItems = void 0;
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var error = {
      message: ({ params: { len } }) => (0, codegen_1.str)`must NOT have more than ${len} items`,
      params: ({ params: { len } }) => (0, codegen_1._)`{limit: ${len}}`
    };
    var def = {
      keyword: "additionalItems",
      type: "array",
      schemaType: ["boolean", "object"],
      before: "uniqueItems",
      error,
      code(cxt) {
        const { parentSchema, it } = cxt;
        const { items } = parentSchema;
        if (!Array.isArray(items)) {
          (0, util_1.checkStrictMode)(it, '"additionalItems" is ignored when "items" is not an array of schemas');
          return;
        }
        validateAdditionalItems(cxt, items);
      }
    };
    function validateAdditionalItems(cxt, items) {
      const { gen, schema, data, keyword, it } = cxt;
      it.items = true;
      const len = gen.const("len", (0, codegen_1._)`${data}.length`);
      if (schema === false) {
        cxt.setParams({ len: items.length });
        cxt.pass((0, codegen_1._)`${len} <= ${items.length}`);
      } else if (typeof schema == "object" && !(0, util_1.alwaysValidSchema)(it, schema)) {
        const valid = gen.var("valid", (0, codegen_1._)`${len} <= ${items.length}`);
        gen.if((0, codegen_1.not)(valid), () => validateItems(valid));
        cxt.ok(valid);
      }
      function validateItems(valid) {
        gen.forRange("i", items.length, len, (i) => {
          cxt.subschema({ keyword, dataProp: i, dataPropType: util_1.Type.Num }, valid);
          if (!it.allErrors)
            gen.if((0, codegen_1.not)(valid), () => gen.break());
        });
      }
    }
    exports.validateAdditionalItems = validateAdditionalItems;
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/items.js
var require_items = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/items.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.validateTuple = void 0;
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var code_1 = require_code2();
    var def = {
      keyword: "items",
      type: "array",
      schemaType: ["object", "array", "boolean"],
      before: "uniqueItems",
      code(cxt) {
        const { schema, it } = cxt;
        if (Array.isArray(schema))
          return validateTuple(cxt, "additionalItems", schema);
        it.items = true;
        if ((0, util_1.alwaysValidSchema)(it, schema))
          return;
        cxt.ok((0, code_1.validateArray)(cxt));
      }
    };
    function validateTuple(cxt, extraItems, schArr = cxt.schema) {
      const { gen, parentSchema, data, keyword, it } = cxt;
      checkStrictTuple(parentSchema);
      if (it.opts.unevaluated && schArr.length && it.items !== true) {
        it.items = util_1.mergeEvaluated.items(gen, schArr.length, it.items);
      }
      const valid = gen.name("valid");
      const len = gen.const("len", (0, codegen_1._)`${data}.length`);
      schArr.forEach((sch, i) => {
        if ((0, util_1.alwaysValidSchema)(it, sch))
          return;
        gen.if((0, codegen_1._)`${len} > ${i}`, () => cxt.subschema({
          keyword,
          schemaProp: i,
          dataProp: i
        }, valid));
        cxt.ok(valid);
      });
      function checkStrictTuple(sch) {
        const { opts, errSchemaPath } = it;
        const l = schArr.length;
        const fullTuple = l === sch.minItems && (l === sch.maxItems || sch[extraItems] === false);
        if (opts.strictTuples && !fullTuple) {
          const msg = `"${keyword}" is ${l}-tuple, but minItems or maxItems/${extraItems} are not specified or different at path "${errSchemaPath}"`;
          (0, util_1.checkStrictMode)(it, msg, opts.strictTuples);
        }
      }
    }
    exports.validateTuple = validateTuple;
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/prefixItems.js
var require_prefixItems = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/prefixItems.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var items_1 = require_items();
    var def = {
      keyword: "prefixItems",
      type: "array",
      schemaType: ["array"],
      before: "uniqueItems",
      code: (cxt) => (0, items_1.validateTuple)(cxt, "items")
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/items2020.js
var require_items2020 = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/items2020.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var code_1 = require_code2();
    var additionalItems_1 = require_additionalItems();
    var error = {
      message: ({ params: { len } }) => (0, codegen_1.str)`must NOT have more than ${len} items`,
      params: ({ params: { len } }) => (0, codegen_1._)`{limit: ${len}}`
    };
    var def = {
      keyword: "items",
      type: "array",
      schemaType: ["object", "boolean"],
      before: "uniqueItems",
      error,
      code(cxt) {
        const { schema, parentSchema, it } = cxt;
        const { prefixItems } = parentSchema;
        it.items = true;
        if ((0, util_1.alwaysValidSchema)(it, schema))
          return;
        if (prefixItems)
          (0, additionalItems_1.validateAdditionalItems)(cxt, prefixItems);
        else
          cxt.ok((0, code_1.validateArray)(cxt));
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/contains.js
var require_contains = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/contains.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var error = {
      message: ({ params: { min, max } }) => max === void 0 ? (0, codegen_1.str)`must contain at least ${min} valid item(s)` : (0, codegen_1.str)`must contain at least ${min} and no more than ${max} valid item(s)`,
      params: ({ params: { min, max } }) => max === void 0 ? (0, codegen_1._)`{minContains: ${min}}` : (0, codegen_1._)`{minContains: ${min}, maxContains: ${max}}`
    };
    var def = {
      keyword: "contains",
      type: "array",
      schemaType: ["object", "boolean"],
      before: "uniqueItems",
      trackErrors: true,
      error,
      code(cxt) {
        const { gen, schema, parentSchema, data, it } = cxt;
        let min;
        let max;
        const { minContains, maxContains } = parentSchema;
        if (it.opts.next) {
          min = minContains === void 0 ? 1 : minContains;
          max = maxContains;
        } else {
          min = 1;
        }
        const len = gen.const("len", (0, codegen_1._)`${data}.length`);
        cxt.setParams({ min, max });
        if (max === void 0 && min === 0) {
          (0, util_1.checkStrictMode)(it, `"minContains" == 0 without "maxContains": "contains" keyword ignored`);
          return;
        }
        if (max !== void 0 && min > max) {
          (0, util_1.checkStrictMode)(it, `"minContains" > "maxContains" is always invalid`);
          cxt.fail();
          return;
        }
        if ((0, util_1.alwaysValidSchema)(it, schema)) {
          let cond = (0, codegen_1._)`${len} >= ${min}`;
          if (max !== void 0)
            cond = (0, codegen_1._)`${cond} && ${len} <= ${max}`;
          cxt.pass(cond);
          return;
        }
        it.items = true;
        const valid = gen.name("valid");
        if (max === void 0 && min === 1) {
          validateItems(valid, () => gen.if(valid, () => gen.break()));
        } else if (min === 0) {
          gen.let(valid, true);
          if (max !== void 0)
            gen.if((0, codegen_1._)`${data}.length > 0`, validateItemsWithCount);
        } else {
          gen.let(valid, false);
          validateItemsWithCount();
        }
        cxt.result(valid, () => cxt.reset());
        function validateItemsWithCount() {
          const schValid = gen.name("_valid");
          const count = gen.let("count", 0);
          validateItems(schValid, () => gen.if(schValid, () => checkLimits(count)));
        }
        function validateItems(_valid, block) {
          gen.forRange("i", 0, len, (i) => {
            cxt.subschema({
              keyword: "contains",
              dataProp: i,
              dataPropType: util_1.Type.Num,
              compositeRule: true
            }, _valid);
            block();
          });
        }
        function checkLimits(count) {
          gen.code((0, codegen_1._)`${count}++`);
          if (max === void 0) {
            gen.if((0, codegen_1._)`${count} >= ${min}`, () => gen.assign(valid, true).break());
          } else {
            gen.if((0, codegen_1._)`${count} > ${max}`, () => gen.assign(valid, false).break());
            if (min === 1)
              gen.assign(valid, true);
            else
              gen.if((0, codegen_1._)`${count} >= ${min}`, () => gen.assign(valid, true));
          }
        }
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/dependencies.js
var require_dependencies = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/dependencies.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.validateSchemaDeps = exports.validatePropertyDeps = exports.error = void 0;
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var code_1 = require_code2();
    exports.error = {
      message: ({ params: { property, depsCount, deps } }) => {
        const property_ies = depsCount === 1 ? "property" : "properties";
        return (0, codegen_1.str)`must have ${property_ies} ${deps} when property ${property} is present`;
      },
      params: ({ params: { property, depsCount, deps, missingProperty } }) => (0, codegen_1._)`{property: ${property},
    missingProperty: ${missingProperty},
    depsCount: ${depsCount},
    deps: ${deps}}`
      // TODO change to reference
    };
    var def = {
      keyword: "dependencies",
      type: "object",
      schemaType: "object",
      error: exports.error,
      code(cxt) {
        const [propDeps, schDeps] = splitDependencies(cxt);
        validatePropertyDeps(cxt, propDeps);
        validateSchemaDeps(cxt, schDeps);
      }
    };
    function splitDependencies({ schema }) {
      const propertyDeps = {};
      const schemaDeps = {};
      for (const key in schema) {
        if (key === "__proto__")
          continue;
        const deps = Array.isArray(schema[key]) ? propertyDeps : schemaDeps;
        deps[key] = schema[key];
      }
      return [propertyDeps, schemaDeps];
    }
    function validatePropertyDeps(cxt, propertyDeps = cxt.schema) {
      const { gen, data, it } = cxt;
      if (Object.keys(propertyDeps).length === 0)
        return;
      const missing = gen.let("missing");
      for (const prop in propertyDeps) {
        const deps = propertyDeps[prop];
        if (deps.length === 0)
          continue;
        const hasProperty = (0, code_1.propertyInData)(gen, data, prop, it.opts.ownProperties);
        cxt.setParams({
          property: prop,
          depsCount: deps.length,
          deps: deps.join(", ")
        });
        if (it.allErrors) {
          gen.if(hasProperty, () => {
            for (const depProp of deps) {
              (0, code_1.checkReportMissingProp)(cxt, depProp);
            }
          });
        } else {
          gen.if((0, codegen_1._)`${hasProperty} && (${(0, code_1.checkMissingProp)(cxt, deps, missing)})`);
          (0, code_1.reportMissingProp)(cxt, missing);
          gen.else();
        }
      }
    }
    exports.validatePropertyDeps = validatePropertyDeps;
    function validateSchemaDeps(cxt, schemaDeps = cxt.schema) {
      const { gen, data, keyword, it } = cxt;
      const valid = gen.name("valid");
      for (const prop in schemaDeps) {
        if ((0, util_1.alwaysValidSchema)(it, schemaDeps[prop]))
          continue;
        gen.if(
          (0, code_1.propertyInData)(gen, data, prop, it.opts.ownProperties),
          () => {
            const schCxt = cxt.subschema({ keyword, schemaProp: prop }, valid);
            cxt.mergeValidEvaluated(schCxt, valid);
          },
          () => gen.var(valid, true)
          // TODO var
        );
        cxt.ok(valid);
      }
    }
    exports.validateSchemaDeps = validateSchemaDeps;
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/propertyNames.js
var require_propertyNames = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/propertyNames.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var error = {
      message: "property name must be valid",
      params: ({ params }) => (0, codegen_1._)`{propertyName: ${params.propertyName}}`
    };
    var def = {
      keyword: "propertyNames",
      type: "object",
      schemaType: ["object", "boolean"],
      error,
      code(cxt) {
        const { gen, schema, data, it } = cxt;
        if ((0, util_1.alwaysValidSchema)(it, schema))
          return;
        const valid = gen.name("valid");
        gen.forIn("key", data, (key) => {
          cxt.setParams({ propertyName: key });
          cxt.subschema({
            keyword: "propertyNames",
            data: key,
            dataTypes: ["string"],
            propertyName: key,
            compositeRule: true
          }, valid);
          gen.if((0, codegen_1.not)(valid), () => {
            cxt.error(true);
            if (!it.allErrors)
              gen.break();
          });
        });
        cxt.ok(valid);
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/additionalProperties.js
var require_additionalProperties = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/additionalProperties.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var code_1 = require_code2();
    var codegen_1 = require_codegen();
    var names_1 = require_names();
    var util_1 = require_util();
    var error = {
      message: "must NOT have additional properties",
      params: ({ params }) => (0, codegen_1._)`{additionalProperty: ${params.additionalProperty}}`
    };
    var def = {
      keyword: "additionalProperties",
      type: ["object"],
      schemaType: ["boolean", "object"],
      allowUndefined: true,
      trackErrors: true,
      error,
      code(cxt) {
        const { gen, schema, parentSchema, data, errsCount, it } = cxt;
        if (!errsCount)
          throw new Error("ajv implementation error");
        const { allErrors, opts } = it;
        it.props = true;
        if (opts.removeAdditional !== "all" && (0, util_1.alwaysValidSchema)(it, schema))
          return;
        const props = (0, code_1.allSchemaProperties)(parentSchema.properties);
        const patProps = (0, code_1.allSchemaProperties)(parentSchema.patternProperties);
        checkAdditionalProperties();
        cxt.ok((0, codegen_1._)`${errsCount} === ${names_1.default.errors}`);
        function checkAdditionalProperties() {
          gen.forIn("key", data, (key) => {
            if (!props.length && !patProps.length)
              additionalPropertyCode(key);
            else
              gen.if(isAdditional(key), () => additionalPropertyCode(key));
          });
        }
        function isAdditional(key) {
          let definedProp;
          if (props.length > 8) {
            const propsSchema = (0, util_1.schemaRefOrVal)(it, parentSchema.properties, "properties");
            definedProp = (0, code_1.isOwnProperty)(gen, propsSchema, key);
          } else if (props.length) {
            definedProp = (0, codegen_1.or)(...props.map((p) => (0, codegen_1._)`${key} === ${p}`));
          } else {
            definedProp = codegen_1.nil;
          }
          if (patProps.length) {
            definedProp = (0, codegen_1.or)(definedProp, ...patProps.map((p) => (0, codegen_1._)`${(0, code_1.usePattern)(cxt, p)}.test(${key})`));
          }
          return (0, codegen_1.not)(definedProp);
        }
        function deleteAdditional(key) {
          gen.code((0, codegen_1._)`delete ${data}[${key}]`);
        }
        function additionalPropertyCode(key) {
          if (opts.removeAdditional === "all" || opts.removeAdditional && schema === false) {
            deleteAdditional(key);
            return;
          }
          if (schema === false) {
            cxt.setParams({ additionalProperty: key });
            cxt.error();
            if (!allErrors)
              gen.break();
            return;
          }
          if (typeof schema == "object" && !(0, util_1.alwaysValidSchema)(it, schema)) {
            const valid = gen.name("valid");
            if (opts.removeAdditional === "failing") {
              applyAdditionalSchema(key, valid, false);
              gen.if((0, codegen_1.not)(valid), () => {
                cxt.reset();
                deleteAdditional(key);
              });
            } else {
              applyAdditionalSchema(key, valid);
              if (!allErrors)
                gen.if((0, codegen_1.not)(valid), () => gen.break());
            }
          }
        }
        function applyAdditionalSchema(key, valid, errors) {
          const subschema = {
            keyword: "additionalProperties",
            dataProp: key,
            dataPropType: util_1.Type.Str
          };
          if (errors === false) {
            Object.assign(subschema, {
              compositeRule: true,
              createErrors: false,
              allErrors: false
            });
          }
          cxt.subschema(subschema, valid);
        }
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/properties.js
var require_properties = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/properties.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var validate_1 = require_validate();
    var code_1 = require_code2();
    var util_1 = require_util();
    var additionalProperties_1 = require_additionalProperties();
    var def = {
      keyword: "properties",
      type: "object",
      schemaType: "object",
      code(cxt) {
        const { gen, schema, parentSchema, data, it } = cxt;
        if (it.opts.removeAdditional === "all" && parentSchema.additionalProperties === void 0) {
          additionalProperties_1.default.code(new validate_1.KeywordCxt(it, additionalProperties_1.default, "additionalProperties"));
        }
        const allProps = (0, code_1.allSchemaProperties)(schema);
        for (const prop of allProps) {
          it.definedProperties.add(prop);
        }
        if (it.opts.unevaluated && allProps.length && it.props !== true) {
          it.props = util_1.mergeEvaluated.props(gen, (0, util_1.toHash)(allProps), it.props);
        }
        const properties = allProps.filter((p) => !(0, util_1.alwaysValidSchema)(it, schema[p]));
        if (properties.length === 0)
          return;
        const valid = gen.name("valid");
        for (const prop of properties) {
          if (hasDefault(prop)) {
            applyPropertySchema(prop);
          } else {
            gen.if((0, code_1.propertyInData)(gen, data, prop, it.opts.ownProperties));
            applyPropertySchema(prop);
            if (!it.allErrors)
              gen.else().var(valid, true);
            gen.endIf();
          }
          cxt.it.definedProperties.add(prop);
          cxt.ok(valid);
        }
        function hasDefault(prop) {
          return it.opts.useDefaults && !it.compositeRule && schema[prop].default !== void 0;
        }
        function applyPropertySchema(prop) {
          cxt.subschema({
            keyword: "properties",
            schemaProp: prop,
            dataProp: prop
          }, valid);
        }
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/patternProperties.js
var require_patternProperties = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/patternProperties.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var code_1 = require_code2();
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var util_2 = require_util();
    var def = {
      keyword: "patternProperties",
      type: "object",
      schemaType: "object",
      code(cxt) {
        const { gen, schema, data, parentSchema, it } = cxt;
        const { opts } = it;
        const patterns = (0, code_1.allSchemaProperties)(schema);
        const alwaysValidPatterns = patterns.filter((p) => (0, util_1.alwaysValidSchema)(it, schema[p]));
        if (patterns.length === 0 || alwaysValidPatterns.length === patterns.length && (!it.opts.unevaluated || it.props === true)) {
          return;
        }
        const checkProperties = opts.strictSchema && !opts.allowMatchingProperties && parentSchema.properties;
        const valid = gen.name("valid");
        if (it.props !== true && !(it.props instanceof codegen_1.Name)) {
          it.props = (0, util_2.evaluatedPropsToName)(gen, it.props);
        }
        const { props } = it;
        validatePatternProperties();
        function validatePatternProperties() {
          for (const pat of patterns) {
            if (checkProperties)
              checkMatchingProperties(pat);
            if (it.allErrors) {
              validateProperties(pat);
            } else {
              gen.var(valid, true);
              validateProperties(pat);
              gen.if(valid);
            }
          }
        }
        function checkMatchingProperties(pat) {
          for (const prop in checkProperties) {
            if (new RegExp(pat).test(prop)) {
              (0, util_1.checkStrictMode)(it, `property ${prop} matches pattern ${pat} (use allowMatchingProperties)`);
            }
          }
        }
        function validateProperties(pat) {
          gen.forIn("key", data, (key) => {
            gen.if((0, codegen_1._)`${(0, code_1.usePattern)(cxt, pat)}.test(${key})`, () => {
              const alwaysValid = alwaysValidPatterns.includes(pat);
              if (!alwaysValid) {
                cxt.subschema({
                  keyword: "patternProperties",
                  schemaProp: pat,
                  dataProp: key,
                  dataPropType: util_2.Type.Str
                }, valid);
              }
              if (it.opts.unevaluated && props !== true) {
                gen.assign((0, codegen_1._)`${props}[${key}]`, true);
              } else if (!alwaysValid && !it.allErrors) {
                gen.if((0, codegen_1.not)(valid), () => gen.break());
              }
            });
          });
        }
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/not.js
var require_not = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/not.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var util_1 = require_util();
    var def = {
      keyword: "not",
      schemaType: ["object", "boolean"],
      trackErrors: true,
      code(cxt) {
        const { gen, schema, it } = cxt;
        if ((0, util_1.alwaysValidSchema)(it, schema)) {
          cxt.fail();
          return;
        }
        const valid = gen.name("valid");
        cxt.subschema({
          keyword: "not",
          compositeRule: true,
          createErrors: false,
          allErrors: false
        }, valid);
        cxt.failResult(valid, () => cxt.reset(), () => cxt.error());
      },
      error: { message: "must NOT be valid" }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/anyOf.js
var require_anyOf = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/anyOf.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var code_1 = require_code2();
    var def = {
      keyword: "anyOf",
      schemaType: "array",
      trackErrors: true,
      code: code_1.validateUnion,
      error: { message: "must match a schema in anyOf" }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/oneOf.js
var require_oneOf = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/oneOf.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var error = {
      message: "must match exactly one schema in oneOf",
      params: ({ params }) => (0, codegen_1._)`{passingSchemas: ${params.passing}}`
    };
    var def = {
      keyword: "oneOf",
      schemaType: "array",
      trackErrors: true,
      error,
      code(cxt) {
        const { gen, schema, parentSchema, it } = cxt;
        if (!Array.isArray(schema))
          throw new Error("ajv implementation error");
        if (it.opts.discriminator && parentSchema.discriminator)
          return;
        const schArr = schema;
        const valid = gen.let("valid", false);
        const passing = gen.let("passing", null);
        const schValid = gen.name("_valid");
        cxt.setParams({ passing });
        gen.block(validateOneOf);
        cxt.result(valid, () => cxt.reset(), () => cxt.error(true));
        function validateOneOf() {
          schArr.forEach((sch, i) => {
            let schCxt;
            if ((0, util_1.alwaysValidSchema)(it, sch)) {
              gen.var(schValid, true);
            } else {
              schCxt = cxt.subschema({
                keyword: "oneOf",
                schemaProp: i,
                compositeRule: true
              }, schValid);
            }
            if (i > 0) {
              gen.if((0, codegen_1._)`${schValid} && ${valid}`).assign(valid, false).assign(passing, (0, codegen_1._)`[${passing}, ${i}]`).else();
            }
            gen.if(schValid, () => {
              gen.assign(valid, true);
              gen.assign(passing, i);
              if (schCxt)
                cxt.mergeEvaluated(schCxt, codegen_1.Name);
            });
          });
        }
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/allOf.js
var require_allOf = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/allOf.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var util_1 = require_util();
    var def = {
      keyword: "allOf",
      schemaType: "array",
      code(cxt) {
        const { gen, schema, it } = cxt;
        if (!Array.isArray(schema))
          throw new Error("ajv implementation error");
        const valid = gen.name("valid");
        schema.forEach((sch, i) => {
          if ((0, util_1.alwaysValidSchema)(it, sch))
            return;
          const schCxt = cxt.subschema({ keyword: "allOf", schemaProp: i }, valid);
          cxt.ok(valid);
          cxt.mergeEvaluated(schCxt);
        });
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/if.js
var require_if = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/if.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var error = {
      message: ({ params }) => (0, codegen_1.str)`must match "${params.ifClause}" schema`,
      params: ({ params }) => (0, codegen_1._)`{failingKeyword: ${params.ifClause}}`
    };
    var def = {
      keyword: "if",
      schemaType: ["object", "boolean"],
      trackErrors: true,
      error,
      code(cxt) {
        const { gen, parentSchema, it } = cxt;
        if (parentSchema.then === void 0 && parentSchema.else === void 0) {
          (0, util_1.checkStrictMode)(it, '"if" without "then" and "else" is ignored');
        }
        const hasThen = hasSchema(it, "then");
        const hasElse = hasSchema(it, "else");
        if (!hasThen && !hasElse)
          return;
        const valid = gen.let("valid", true);
        const schValid = gen.name("_valid");
        validateIf();
        cxt.reset();
        if (hasThen && hasElse) {
          const ifClause = gen.let("ifClause");
          cxt.setParams({ ifClause });
          gen.if(schValid, validateClause("then", ifClause), validateClause("else", ifClause));
        } else if (hasThen) {
          gen.if(schValid, validateClause("then"));
        } else {
          gen.if((0, codegen_1.not)(schValid), validateClause("else"));
        }
        cxt.pass(valid, () => cxt.error(true));
        function validateIf() {
          const schCxt = cxt.subschema({
            keyword: "if",
            compositeRule: true,
            createErrors: false,
            allErrors: false
          }, schValid);
          cxt.mergeEvaluated(schCxt);
        }
        function validateClause(keyword, ifClause) {
          return () => {
            const schCxt = cxt.subschema({ keyword }, schValid);
            gen.assign(valid, schValid);
            cxt.mergeValidEvaluated(schCxt, valid);
            if (ifClause)
              gen.assign(ifClause, (0, codegen_1._)`${keyword}`);
            else
              cxt.setParams({ ifClause: keyword });
          };
        }
      }
    };
    function hasSchema(it, keyword) {
      const schema = it.schema[keyword];
      return schema !== void 0 && !(0, util_1.alwaysValidSchema)(it, schema);
    }
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/thenElse.js
var require_thenElse = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/thenElse.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var util_1 = require_util();
    var def = {
      keyword: ["then", "else"],
      schemaType: ["object", "boolean"],
      code({ keyword, parentSchema, it }) {
        if (parentSchema.if === void 0)
          (0, util_1.checkStrictMode)(it, `"${keyword}" without "if" is ignored`);
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/index.js
var require_applicator = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var additionalItems_1 = require_additionalItems();
    var prefixItems_1 = require_prefixItems();
    var items_1 = require_items();
    var items2020_1 = require_items2020();
    var contains_1 = require_contains();
    var dependencies_1 = require_dependencies();
    var propertyNames_1 = require_propertyNames();
    var additionalProperties_1 = require_additionalProperties();
    var properties_1 = require_properties();
    var patternProperties_1 = require_patternProperties();
    var not_1 = require_not();
    var anyOf_1 = require_anyOf();
    var oneOf_1 = require_oneOf();
    var allOf_1 = require_allOf();
    var if_1 = require_if();
    var thenElse_1 = require_thenElse();
    function getApplicator(draft2020 = false) {
      const applicator = [
        // any
        not_1.default,
        anyOf_1.default,
        oneOf_1.default,
        allOf_1.default,
        if_1.default,
        thenElse_1.default,
        // object
        propertyNames_1.default,
        additionalProperties_1.default,
        dependencies_1.default,
        properties_1.default,
        patternProperties_1.default
      ];
      if (draft2020)
        applicator.push(prefixItems_1.default, items2020_1.default);
      else
        applicator.push(additionalItems_1.default, items_1.default);
      applicator.push(contains_1.default);
      return applicator;
    }
    exports.default = getApplicator;
  }
});

// node_modules/ajv/dist/vocabularies/dynamic/dynamicAnchor.js
var require_dynamicAnchor = __commonJS({
  "node_modules/ajv/dist/vocabularies/dynamic/dynamicAnchor.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.dynamicAnchor = void 0;
    var codegen_1 = require_codegen();
    var names_1 = require_names();
    var compile_1 = require_compile();
    var ref_1 = require_ref();
    var def = {
      keyword: "$dynamicAnchor",
      schemaType: "string",
      code: (cxt) => dynamicAnchor(cxt, cxt.schema)
    };
    function dynamicAnchor(cxt, anchor) {
      const { gen, it } = cxt;
      it.schemaEnv.root.dynamicAnchors[anchor] = true;
      const v = (0, codegen_1._)`${names_1.default.dynamicAnchors}${(0, codegen_1.getProperty)(anchor)}`;
      const validate = it.errSchemaPath === "#" ? it.validateName : _getValidate(cxt);
      gen.if((0, codegen_1._)`!${v}`, () => gen.assign(v, validate));
    }
    exports.dynamicAnchor = dynamicAnchor;
    function _getValidate(cxt) {
      const { schemaEnv, schema, self } = cxt.it;
      const { root, baseId, localRefs, meta } = schemaEnv.root;
      const { schemaId } = self.opts;
      const sch = new compile_1.SchemaEnv({ schema, schemaId, root, baseId, localRefs, meta });
      compile_1.compileSchema.call(self, sch);
      return (0, ref_1.getValidate)(cxt, sch);
    }
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/dynamic/dynamicRef.js
var require_dynamicRef = __commonJS({
  "node_modules/ajv/dist/vocabularies/dynamic/dynamicRef.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.dynamicRef = void 0;
    var codegen_1 = require_codegen();
    var names_1 = require_names();
    var ref_1 = require_ref();
    var def = {
      keyword: "$dynamicRef",
      schemaType: "string",
      code: (cxt) => dynamicRef(cxt, cxt.schema)
    };
    function dynamicRef(cxt, ref) {
      const { gen, keyword, it } = cxt;
      if (ref[0] !== "#")
        throw new Error(`"${keyword}" only supports hash fragment reference`);
      const anchor = ref.slice(1);
      if (it.allErrors) {
        _dynamicRef();
      } else {
        const valid = gen.let("valid", false);
        _dynamicRef(valid);
        cxt.ok(valid);
      }
      function _dynamicRef(valid) {
        if (it.schemaEnv.root.dynamicAnchors[anchor]) {
          const v = gen.let("_v", (0, codegen_1._)`${names_1.default.dynamicAnchors}${(0, codegen_1.getProperty)(anchor)}`);
          gen.if(v, _callRef(v, valid), _callRef(it.validateName, valid));
        } else {
          _callRef(it.validateName, valid)();
        }
      }
      function _callRef(validate, valid) {
        return valid ? () => gen.block(() => {
          (0, ref_1.callRef)(cxt, validate);
          gen.let(valid, true);
        }) : () => (0, ref_1.callRef)(cxt, validate);
      }
    }
    exports.dynamicRef = dynamicRef;
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/dynamic/recursiveAnchor.js
var require_recursiveAnchor = __commonJS({
  "node_modules/ajv/dist/vocabularies/dynamic/recursiveAnchor.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var dynamicAnchor_1 = require_dynamicAnchor();
    var util_1 = require_util();
    var def = {
      keyword: "$recursiveAnchor",
      schemaType: "boolean",
      code(cxt) {
        if (cxt.schema)
          (0, dynamicAnchor_1.dynamicAnchor)(cxt, "");
        else
          (0, util_1.checkStrictMode)(cxt.it, "$recursiveAnchor: false is ignored");
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/dynamic/recursiveRef.js
var require_recursiveRef = __commonJS({
  "node_modules/ajv/dist/vocabularies/dynamic/recursiveRef.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var dynamicRef_1 = require_dynamicRef();
    var def = {
      keyword: "$recursiveRef",
      schemaType: "string",
      code: (cxt) => (0, dynamicRef_1.dynamicRef)(cxt, cxt.schema)
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/dynamic/index.js
var require_dynamic = __commonJS({
  "node_modules/ajv/dist/vocabularies/dynamic/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var dynamicAnchor_1 = require_dynamicAnchor();
    var dynamicRef_1 = require_dynamicRef();
    var recursiveAnchor_1 = require_recursiveAnchor();
    var recursiveRef_1 = require_recursiveRef();
    var dynamic = [dynamicAnchor_1.default, dynamicRef_1.default, recursiveAnchor_1.default, recursiveRef_1.default];
    exports.default = dynamic;
  }
});

// node_modules/ajv/dist/vocabularies/validation/dependentRequired.js
var require_dependentRequired = __commonJS({
  "node_modules/ajv/dist/vocabularies/validation/dependentRequired.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var dependencies_1 = require_dependencies();
    var def = {
      keyword: "dependentRequired",
      type: "object",
      schemaType: "object",
      error: dependencies_1.error,
      code: (cxt) => (0, dependencies_1.validatePropertyDeps)(cxt)
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/dependentSchemas.js
var require_dependentSchemas = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/dependentSchemas.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var dependencies_1 = require_dependencies();
    var def = {
      keyword: "dependentSchemas",
      type: "object",
      schemaType: "object",
      code: (cxt) => (0, dependencies_1.validateSchemaDeps)(cxt)
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/validation/limitContains.js
var require_limitContains = __commonJS({
  "node_modules/ajv/dist/vocabularies/validation/limitContains.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var util_1 = require_util();
    var def = {
      keyword: ["maxContains", "minContains"],
      type: "array",
      schemaType: "number",
      code({ keyword, parentSchema, it }) {
        if (parentSchema.contains === void 0) {
          (0, util_1.checkStrictMode)(it, `"${keyword}" without "contains" is ignored`);
        }
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/next.js
var require_next = __commonJS({
  "node_modules/ajv/dist/vocabularies/next.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var dependentRequired_1 = require_dependentRequired();
    var dependentSchemas_1 = require_dependentSchemas();
    var limitContains_1 = require_limitContains();
    var next = [dependentRequired_1.default, dependentSchemas_1.default, limitContains_1.default];
    exports.default = next;
  }
});

// node_modules/ajv/dist/vocabularies/unevaluated/unevaluatedProperties.js
var require_unevaluatedProperties = __commonJS({
  "node_modules/ajv/dist/vocabularies/unevaluated/unevaluatedProperties.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var names_1 = require_names();
    var error = {
      message: "must NOT have unevaluated properties",
      params: ({ params }) => (0, codegen_1._)`{unevaluatedProperty: ${params.unevaluatedProperty}}`
    };
    var def = {
      keyword: "unevaluatedProperties",
      type: "object",
      schemaType: ["boolean", "object"],
      trackErrors: true,
      error,
      code(cxt) {
        const { gen, schema, data, errsCount, it } = cxt;
        if (!errsCount)
          throw new Error("ajv implementation error");
        const { allErrors, props } = it;
        if (props instanceof codegen_1.Name) {
          gen.if((0, codegen_1._)`${props} !== true`, () => gen.forIn("key", data, (key) => gen.if(unevaluatedDynamic(props, key), () => unevaluatedPropCode(key))));
        } else if (props !== true) {
          gen.forIn("key", data, (key) => props === void 0 ? unevaluatedPropCode(key) : gen.if(unevaluatedStatic(props, key), () => unevaluatedPropCode(key)));
        }
        it.props = true;
        cxt.ok((0, codegen_1._)`${errsCount} === ${names_1.default.errors}`);
        function unevaluatedPropCode(key) {
          if (schema === false) {
            cxt.setParams({ unevaluatedProperty: key });
            cxt.error();
            if (!allErrors)
              gen.break();
            return;
          }
          if (!(0, util_1.alwaysValidSchema)(it, schema)) {
            const valid = gen.name("valid");
            cxt.subschema({
              keyword: "unevaluatedProperties",
              dataProp: key,
              dataPropType: util_1.Type.Str
            }, valid);
            if (!allErrors)
              gen.if((0, codegen_1.not)(valid), () => gen.break());
          }
        }
        function unevaluatedDynamic(evaluatedProps, key) {
          return (0, codegen_1._)`!${evaluatedProps} || !${evaluatedProps}[${key}]`;
        }
        function unevaluatedStatic(evaluatedProps, key) {
          const ps = [];
          for (const p in evaluatedProps) {
            if (evaluatedProps[p] === true)
              ps.push((0, codegen_1._)`${key} !== ${p}`);
          }
          return (0, codegen_1.and)(...ps);
        }
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/unevaluated/unevaluatedItems.js
var require_unevaluatedItems = __commonJS({
  "node_modules/ajv/dist/vocabularies/unevaluated/unevaluatedItems.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var error = {
      message: ({ params: { len } }) => (0, codegen_1.str)`must NOT have more than ${len} items`,
      params: ({ params: { len } }) => (0, codegen_1._)`{limit: ${len}}`
    };
    var def = {
      keyword: "unevaluatedItems",
      type: "array",
      schemaType: ["boolean", "object"],
      error,
      code(cxt) {
        const { gen, schema, data, it } = cxt;
        const items = it.items || 0;
        if (items === true)
          return;
        const len = gen.const("len", (0, codegen_1._)`${data}.length`);
        if (schema === false) {
          cxt.setParams({ len: items });
          cxt.fail((0, codegen_1._)`${len} > ${items}`);
        } else if (typeof schema == "object" && !(0, util_1.alwaysValidSchema)(it, schema)) {
          const valid = gen.var("valid", (0, codegen_1._)`${len} <= ${items}`);
          gen.if((0, codegen_1.not)(valid), () => validateItems(valid, items));
          cxt.ok(valid);
        }
        it.items = true;
        function validateItems(valid, from) {
          gen.forRange("i", from, len, (i) => {
            cxt.subschema({ keyword: "unevaluatedItems", dataProp: i, dataPropType: util_1.Type.Num }, valid);
            if (!it.allErrors)
              gen.if((0, codegen_1.not)(valid), () => gen.break());
          });
        }
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/unevaluated/index.js
var require_unevaluated = __commonJS({
  "node_modules/ajv/dist/vocabularies/unevaluated/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var unevaluatedProperties_1 = require_unevaluatedProperties();
    var unevaluatedItems_1 = require_unevaluatedItems();
    var unevaluated = [unevaluatedProperties_1.default, unevaluatedItems_1.default];
    exports.default = unevaluated;
  }
});

// node_modules/ajv/dist/vocabularies/format/format.js
var require_format = __commonJS({
  "node_modules/ajv/dist/vocabularies/format/format.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var error = {
      message: ({ schemaCode }) => (0, codegen_1.str)`must match format "${schemaCode}"`,
      params: ({ schemaCode }) => (0, codegen_1._)`{format: ${schemaCode}}`
    };
    var def = {
      keyword: "format",
      type: ["number", "string"],
      schemaType: "string",
      $data: true,
      error,
      code(cxt, ruleType) {
        const { gen, data, $data, schema, schemaCode, it } = cxt;
        const { opts, errSchemaPath, schemaEnv, self } = it;
        if (!opts.validateFormats)
          return;
        if ($data)
          validate$DataFormat();
        else
          validateFormat();
        function validate$DataFormat() {
          const fmts = gen.scopeValue("formats", {
            ref: self.formats,
            code: opts.code.formats
          });
          const fDef = gen.const("fDef", (0, codegen_1._)`${fmts}[${schemaCode}]`);
          const fType = gen.let("fType");
          const format = gen.let("format");
          gen.if((0, codegen_1._)`typeof ${fDef} == "object" && !(${fDef} instanceof RegExp)`, () => gen.assign(fType, (0, codegen_1._)`${fDef}.type || "string"`).assign(format, (0, codegen_1._)`${fDef}.validate`), () => gen.assign(fType, (0, codegen_1._)`"string"`).assign(format, fDef));
          cxt.fail$data((0, codegen_1.or)(unknownFmt(), invalidFmt()));
          function unknownFmt() {
            if (opts.strictSchema === false)
              return codegen_1.nil;
            return (0, codegen_1._)`${schemaCode} && !${format}`;
          }
          function invalidFmt() {
            const callFormat = schemaEnv.$async ? (0, codegen_1._)`(${fDef}.async ? await ${format}(${data}) : ${format}(${data}))` : (0, codegen_1._)`${format}(${data})`;
            const validData = (0, codegen_1._)`(typeof ${format} == "function" ? ${callFormat} : ${format}.test(${data}))`;
            return (0, codegen_1._)`${format} && ${format} !== true && ${fType} === ${ruleType} && !${validData}`;
          }
        }
        function validateFormat() {
          const formatDef = self.formats[schema];
          if (!formatDef) {
            unknownFormat();
            return;
          }
          if (formatDef === true)
            return;
          const [fmtType, format, fmtRef] = getFormat(formatDef);
          if (fmtType === ruleType)
            cxt.pass(validCondition());
          function unknownFormat() {
            if (opts.strictSchema === false) {
              self.logger.warn(unknownMsg());
              return;
            }
            throw new Error(unknownMsg());
            function unknownMsg() {
              return `unknown format "${schema}" ignored in schema at path "${errSchemaPath}"`;
            }
          }
          function getFormat(fmtDef) {
            const code = fmtDef instanceof RegExp ? (0, codegen_1.regexpCode)(fmtDef) : opts.code.formats ? (0, codegen_1._)`${opts.code.formats}${(0, codegen_1.getProperty)(schema)}` : void 0;
            const fmt = gen.scopeValue("formats", { key: schema, ref: fmtDef, code });
            if (typeof fmtDef == "object" && !(fmtDef instanceof RegExp)) {
              return [fmtDef.type || "string", fmtDef.validate, (0, codegen_1._)`${fmt}.validate`];
            }
            return ["string", fmtDef, fmt];
          }
          function validCondition() {
            if (typeof formatDef == "object" && !(formatDef instanceof RegExp) && formatDef.async) {
              if (!schemaEnv.$async)
                throw new Error("async format in sync schema");
              return (0, codegen_1._)`await ${fmtRef}(${data})`;
            }
            return typeof format == "function" ? (0, codegen_1._)`${fmtRef}(${data})` : (0, codegen_1._)`${fmtRef}.test(${data})`;
          }
        }
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/format/index.js
var require_format2 = __commonJS({
  "node_modules/ajv/dist/vocabularies/format/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var format_1 = require_format();
    var format = [format_1.default];
    exports.default = format;
  }
});

// node_modules/ajv/dist/vocabularies/metadata.js
var require_metadata = __commonJS({
  "node_modules/ajv/dist/vocabularies/metadata.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.contentVocabulary = exports.metadataVocabulary = void 0;
    exports.metadataVocabulary = [
      "title",
      "description",
      "default",
      "deprecated",
      "readOnly",
      "writeOnly",
      "examples"
    ];
    exports.contentVocabulary = [
      "contentMediaType",
      "contentEncoding",
      "contentSchema"
    ];
  }
});

// node_modules/ajv/dist/vocabularies/draft2020.js
var require_draft2020 = __commonJS({
  "node_modules/ajv/dist/vocabularies/draft2020.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var core_1 = require_core2();
    var validation_1 = require_validation();
    var applicator_1 = require_applicator();
    var dynamic_1 = require_dynamic();
    var next_1 = require_next();
    var unevaluated_1 = require_unevaluated();
    var format_1 = require_format2();
    var metadata_1 = require_metadata();
    var draft2020Vocabularies = [
      dynamic_1.default,
      core_1.default,
      validation_1.default,
      (0, applicator_1.default)(true),
      format_1.default,
      metadata_1.metadataVocabulary,
      metadata_1.contentVocabulary,
      next_1.default,
      unevaluated_1.default
    ];
    exports.default = draft2020Vocabularies;
  }
});

// node_modules/ajv/dist/vocabularies/discriminator/types.js
var require_types = __commonJS({
  "node_modules/ajv/dist/vocabularies/discriminator/types.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.DiscrError = void 0;
    var DiscrError;
    (function(DiscrError2) {
      DiscrError2["Tag"] = "tag";
      DiscrError2["Mapping"] = "mapping";
    })(DiscrError || (exports.DiscrError = DiscrError = {}));
  }
});

// node_modules/ajv/dist/vocabularies/discriminator/index.js
var require_discriminator = __commonJS({
  "node_modules/ajv/dist/vocabularies/discriminator/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var types_1 = require_types();
    var compile_1 = require_compile();
    var ref_error_1 = require_ref_error();
    var util_1 = require_util();
    var error = {
      message: ({ params: { discrError, tagName } }) => discrError === types_1.DiscrError.Tag ? `tag "${tagName}" must be string` : `value of tag "${tagName}" must be in oneOf`,
      params: ({ params: { discrError, tag, tagName } }) => (0, codegen_1._)`{error: ${discrError}, tag: ${tagName}, tagValue: ${tag}}`
    };
    var def = {
      keyword: "discriminator",
      type: "object",
      schemaType: "object",
      error,
      code(cxt) {
        const { gen, data, schema, parentSchema, it } = cxt;
        const { oneOf } = parentSchema;
        if (!it.opts.discriminator) {
          throw new Error("discriminator: requires discriminator option");
        }
        const tagName = schema.propertyName;
        if (typeof tagName != "string")
          throw new Error("discriminator: requires propertyName");
        if (schema.mapping)
          throw new Error("discriminator: mapping is not supported");
        if (!oneOf)
          throw new Error("discriminator: requires oneOf keyword");
        const valid = gen.let("valid", false);
        const tag = gen.const("tag", (0, codegen_1._)`${data}${(0, codegen_1.getProperty)(tagName)}`);
        gen.if((0, codegen_1._)`typeof ${tag} == "string"`, () => validateMapping(), () => cxt.error(false, { discrError: types_1.DiscrError.Tag, tag, tagName }));
        cxt.ok(valid);
        function validateMapping() {
          const mapping = getMapping();
          gen.if(false);
          for (const tagValue in mapping) {
            gen.elseIf((0, codegen_1._)`${tag} === ${tagValue}`);
            gen.assign(valid, applyTagSchema(mapping[tagValue]));
          }
          gen.else();
          cxt.error(false, { discrError: types_1.DiscrError.Mapping, tag, tagName });
          gen.endIf();
        }
        function applyTagSchema(schemaProp) {
          const _valid = gen.name("valid");
          const schCxt = cxt.subschema({ keyword: "oneOf", schemaProp }, _valid);
          cxt.mergeEvaluated(schCxt, codegen_1.Name);
          return _valid;
        }
        function getMapping() {
          var _a;
          const oneOfMapping = {};
          const topRequired = hasRequired(parentSchema);
          let tagRequired = true;
          for (let i = 0; i < oneOf.length; i++) {
            let sch = oneOf[i];
            if ((sch === null || sch === void 0 ? void 0 : sch.$ref) && !(0, util_1.schemaHasRulesButRef)(sch, it.self.RULES)) {
              const ref = sch.$ref;
              sch = compile_1.resolveRef.call(it.self, it.schemaEnv.root, it.baseId, ref);
              if (sch instanceof compile_1.SchemaEnv)
                sch = sch.schema;
              if (sch === void 0)
                throw new ref_error_1.default(it.opts.uriResolver, it.baseId, ref);
            }
            const propSch = (_a = sch === null || sch === void 0 ? void 0 : sch.properties) === null || _a === void 0 ? void 0 : _a[tagName];
            if (typeof propSch != "object") {
              throw new Error(`discriminator: oneOf subschemas (or referenced schemas) must have "properties/${tagName}"`);
            }
            tagRequired = tagRequired && (topRequired || hasRequired(sch));
            addMappings(propSch, i);
          }
          if (!tagRequired)
            throw new Error(`discriminator: "${tagName}" must be required`);
          return oneOfMapping;
          function hasRequired({ required }) {
            return Array.isArray(required) && required.includes(tagName);
          }
          function addMappings(sch, i) {
            if (sch.const) {
              addMapping(sch.const, i);
            } else if (sch.enum) {
              for (const tagValue of sch.enum) {
                addMapping(tagValue, i);
              }
            } else {
              throw new Error(`discriminator: "properties/${tagName}" must have "const" or "enum"`);
            }
          }
          function addMapping(tagValue, i) {
            if (typeof tagValue != "string" || tagValue in oneOfMapping) {
              throw new Error(`discriminator: "${tagName}" values must be unique strings`);
            }
            oneOfMapping[tagValue] = i;
          }
        }
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/refs/json-schema-2020-12/schema.json
var require_schema4 = __commonJS({
  "node_modules/ajv/dist/refs/json-schema-2020-12/schema.json"(exports, module) {
    module.exports = {
      $schema: "https://json-schema.org/draft/2020-12/schema",
      $id: "https://json-schema.org/draft/2020-12/schema",
      $vocabulary: {
        "https://json-schema.org/draft/2020-12/vocab/core": true,
        "https://json-schema.org/draft/2020-12/vocab/applicator": true,
        "https://json-schema.org/draft/2020-12/vocab/unevaluated": true,
        "https://json-schema.org/draft/2020-12/vocab/validation": true,
        "https://json-schema.org/draft/2020-12/vocab/meta-data": true,
        "https://json-schema.org/draft/2020-12/vocab/format-annotation": true,
        "https://json-schema.org/draft/2020-12/vocab/content": true
      },
      $dynamicAnchor: "meta",
      title: "Core and Validation specifications meta-schema",
      allOf: [
        { $ref: "meta/core" },
        { $ref: "meta/applicator" },
        { $ref: "meta/unevaluated" },
        { $ref: "meta/validation" },
        { $ref: "meta/meta-data" },
        { $ref: "meta/format-annotation" },
        { $ref: "meta/content" }
      ],
      type: ["object", "boolean"],
      $comment: "This meta-schema also defines keywords that have appeared in previous drafts in order to prevent incompatible extensions as they remain in common use.",
      properties: {
        definitions: {
          $comment: '"definitions" has been replaced by "$defs".',
          type: "object",
          additionalProperties: { $dynamicRef: "#meta" },
          deprecated: true,
          default: {}
        },
        dependencies: {
          $comment: '"dependencies" has been split and replaced by "dependentSchemas" and "dependentRequired" in order to serve their differing semantics.',
          type: "object",
          additionalProperties: {
            anyOf: [{ $dynamicRef: "#meta" }, { $ref: "meta/validation#/$defs/stringArray" }]
          },
          deprecated: true,
          default: {}
        },
        $recursiveAnchor: {
          $comment: '"$recursiveAnchor" has been replaced by "$dynamicAnchor".',
          $ref: "meta/core#/$defs/anchorString",
          deprecated: true
        },
        $recursiveRef: {
          $comment: '"$recursiveRef" has been replaced by "$dynamicRef".',
          $ref: "meta/core#/$defs/uriReferenceString",
          deprecated: true
        }
      }
    };
  }
});

// node_modules/ajv/dist/refs/json-schema-2020-12/meta/applicator.json
var require_applicator2 = __commonJS({
  "node_modules/ajv/dist/refs/json-schema-2020-12/meta/applicator.json"(exports, module) {
    module.exports = {
      $schema: "https://json-schema.org/draft/2020-12/schema",
      $id: "https://json-schema.org/draft/2020-12/meta/applicator",
      $vocabulary: {
        "https://json-schema.org/draft/2020-12/vocab/applicator": true
      },
      $dynamicAnchor: "meta",
      title: "Applicator vocabulary meta-schema",
      type: ["object", "boolean"],
      properties: {
        prefixItems: { $ref: "#/$defs/schemaArray" },
        items: { $dynamicRef: "#meta" },
        contains: { $dynamicRef: "#meta" },
        additionalProperties: { $dynamicRef: "#meta" },
        properties: {
          type: "object",
          additionalProperties: { $dynamicRef: "#meta" },
          default: {}
        },
        patternProperties: {
          type: "object",
          additionalProperties: { $dynamicRef: "#meta" },
          propertyNames: { format: "regex" },
          default: {}
        },
        dependentSchemas: {
          type: "object",
          additionalProperties: { $dynamicRef: "#meta" },
          default: {}
        },
        propertyNames: { $dynamicRef: "#meta" },
        if: { $dynamicRef: "#meta" },
        then: { $dynamicRef: "#meta" },
        else: { $dynamicRef: "#meta" },
        allOf: { $ref: "#/$defs/schemaArray" },
        anyOf: { $ref: "#/$defs/schemaArray" },
        oneOf: { $ref: "#/$defs/schemaArray" },
        not: { $dynamicRef: "#meta" }
      },
      $defs: {
        schemaArray: {
          type: "array",
          minItems: 1,
          items: { $dynamicRef: "#meta" }
        }
      }
    };
  }
});

// node_modules/ajv/dist/refs/json-schema-2020-12/meta/unevaluated.json
var require_unevaluated2 = __commonJS({
  "node_modules/ajv/dist/refs/json-schema-2020-12/meta/unevaluated.json"(exports, module) {
    module.exports = {
      $schema: "https://json-schema.org/draft/2020-12/schema",
      $id: "https://json-schema.org/draft/2020-12/meta/unevaluated",
      $vocabulary: {
        "https://json-schema.org/draft/2020-12/vocab/unevaluated": true
      },
      $dynamicAnchor: "meta",
      title: "Unevaluated applicator vocabulary meta-schema",
      type: ["object", "boolean"],
      properties: {
        unevaluatedItems: { $dynamicRef: "#meta" },
        unevaluatedProperties: { $dynamicRef: "#meta" }
      }
    };
  }
});

// node_modules/ajv/dist/refs/json-schema-2020-12/meta/content.json
var require_content = __commonJS({
  "node_modules/ajv/dist/refs/json-schema-2020-12/meta/content.json"(exports, module) {
    module.exports = {
      $schema: "https://json-schema.org/draft/2020-12/schema",
      $id: "https://json-schema.org/draft/2020-12/meta/content",
      $vocabulary: {
        "https://json-schema.org/draft/2020-12/vocab/content": true
      },
      $dynamicAnchor: "meta",
      title: "Content vocabulary meta-schema",
      type: ["object", "boolean"],
      properties: {
        contentEncoding: { type: "string" },
        contentMediaType: { type: "string" },
        contentSchema: { $dynamicRef: "#meta" }
      }
    };
  }
});

// node_modules/ajv/dist/refs/json-schema-2020-12/meta/core.json
var require_core3 = __commonJS({
  "node_modules/ajv/dist/refs/json-schema-2020-12/meta/core.json"(exports, module) {
    module.exports = {
      $schema: "https://json-schema.org/draft/2020-12/schema",
      $id: "https://json-schema.org/draft/2020-12/meta/core",
      $vocabulary: {
        "https://json-schema.org/draft/2020-12/vocab/core": true
      },
      $dynamicAnchor: "meta",
      title: "Core vocabulary meta-schema",
      type: ["object", "boolean"],
      properties: {
        $id: {
          $ref: "#/$defs/uriReferenceString",
          $comment: "Non-empty fragments not allowed.",
          pattern: "^[^#]*#?$"
        },
        $schema: { $ref: "#/$defs/uriString" },
        $ref: { $ref: "#/$defs/uriReferenceString" },
        $anchor: { $ref: "#/$defs/anchorString" },
        $dynamicRef: { $ref: "#/$defs/uriReferenceString" },
        $dynamicAnchor: { $ref: "#/$defs/anchorString" },
        $vocabulary: {
          type: "object",
          propertyNames: { $ref: "#/$defs/uriString" },
          additionalProperties: {
            type: "boolean"
          }
        },
        $comment: {
          type: "string"
        },
        $defs: {
          type: "object",
          additionalProperties: { $dynamicRef: "#meta" }
        }
      },
      $defs: {
        anchorString: {
          type: "string",
          pattern: "^[A-Za-z_][-A-Za-z0-9._]*$"
        },
        uriString: {
          type: "string",
          format: "uri"
        },
        uriReferenceString: {
          type: "string",
          format: "uri-reference"
        }
      }
    };
  }
});

// node_modules/ajv/dist/refs/json-schema-2020-12/meta/format-annotation.json
var require_format_annotation = __commonJS({
  "node_modules/ajv/dist/refs/json-schema-2020-12/meta/format-annotation.json"(exports, module) {
    module.exports = {
      $schema: "https://json-schema.org/draft/2020-12/schema",
      $id: "https://json-schema.org/draft/2020-12/meta/format-annotation",
      $vocabulary: {
        "https://json-schema.org/draft/2020-12/vocab/format-annotation": true
      },
      $dynamicAnchor: "meta",
      title: "Format vocabulary meta-schema for annotation results",
      type: ["object", "boolean"],
      properties: {
        format: { type: "string" }
      }
    };
  }
});

// node_modules/ajv/dist/refs/json-schema-2020-12/meta/meta-data.json
var require_meta_data = __commonJS({
  "node_modules/ajv/dist/refs/json-schema-2020-12/meta/meta-data.json"(exports, module) {
    module.exports = {
      $schema: "https://json-schema.org/draft/2020-12/schema",
      $id: "https://json-schema.org/draft/2020-12/meta/meta-data",
      $vocabulary: {
        "https://json-schema.org/draft/2020-12/vocab/meta-data": true
      },
      $dynamicAnchor: "meta",
      title: "Meta-data vocabulary meta-schema",
      type: ["object", "boolean"],
      properties: {
        title: {
          type: "string"
        },
        description: {
          type: "string"
        },
        default: true,
        deprecated: {
          type: "boolean",
          default: false
        },
        readOnly: {
          type: "boolean",
          default: false
        },
        writeOnly: {
          type: "boolean",
          default: false
        },
        examples: {
          type: "array",
          items: true
        }
      }
    };
  }
});

// node_modules/ajv/dist/refs/json-schema-2020-12/meta/validation.json
var require_validation2 = __commonJS({
  "node_modules/ajv/dist/refs/json-schema-2020-12/meta/validation.json"(exports, module) {
    module.exports = {
      $schema: "https://json-schema.org/draft/2020-12/schema",
      $id: "https://json-schema.org/draft/2020-12/meta/validation",
      $vocabulary: {
        "https://json-schema.org/draft/2020-12/vocab/validation": true
      },
      $dynamicAnchor: "meta",
      title: "Validation vocabulary meta-schema",
      type: ["object", "boolean"],
      properties: {
        type: {
          anyOf: [
            { $ref: "#/$defs/simpleTypes" },
            {
              type: "array",
              items: { $ref: "#/$defs/simpleTypes" },
              minItems: 1,
              uniqueItems: true
            }
          ]
        },
        const: true,
        enum: {
          type: "array",
          items: true
        },
        multipleOf: {
          type: "number",
          exclusiveMinimum: 0
        },
        maximum: {
          type: "number"
        },
        exclusiveMaximum: {
          type: "number"
        },
        minimum: {
          type: "number"
        },
        exclusiveMinimum: {
          type: "number"
        },
        maxLength: { $ref: "#/$defs/nonNegativeInteger" },
        minLength: { $ref: "#/$defs/nonNegativeIntegerDefault0" },
        pattern: {
          type: "string",
          format: "regex"
        },
        maxItems: { $ref: "#/$defs/nonNegativeInteger" },
        minItems: { $ref: "#/$defs/nonNegativeIntegerDefault0" },
        uniqueItems: {
          type: "boolean",
          default: false
        },
        maxContains: { $ref: "#/$defs/nonNegativeInteger" },
        minContains: {
          $ref: "#/$defs/nonNegativeInteger",
          default: 1
        },
        maxProperties: { $ref: "#/$defs/nonNegativeInteger" },
        minProperties: { $ref: "#/$defs/nonNegativeIntegerDefault0" },
        required: { $ref: "#/$defs/stringArray" },
        dependentRequired: {
          type: "object",
          additionalProperties: {
            $ref: "#/$defs/stringArray"
          }
        }
      },
      $defs: {
        nonNegativeInteger: {
          type: "integer",
          minimum: 0
        },
        nonNegativeIntegerDefault0: {
          $ref: "#/$defs/nonNegativeInteger",
          default: 0
        },
        simpleTypes: {
          enum: ["array", "boolean", "integer", "null", "number", "object", "string"]
        },
        stringArray: {
          type: "array",
          items: { type: "string" },
          uniqueItems: true,
          default: []
        }
      }
    };
  }
});

// node_modules/ajv/dist/refs/json-schema-2020-12/index.js
var require_json_schema_2020_12 = __commonJS({
  "node_modules/ajv/dist/refs/json-schema-2020-12/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var metaSchema = require_schema4();
    var applicator = require_applicator2();
    var unevaluated = require_unevaluated2();
    var content = require_content();
    var core = require_core3();
    var format = require_format_annotation();
    var metadata = require_meta_data();
    var validation = require_validation2();
    var META_SUPPORT_DATA = ["/properties"];
    function addMetaSchema2020($data) {
      ;
      [
        metaSchema,
        applicator,
        unevaluated,
        content,
        core,
        with$data(this, format),
        metadata,
        with$data(this, validation)
      ].forEach((sch) => this.addMetaSchema(sch, void 0, false));
      return this;
      function with$data(ajv2, sch) {
        return $data ? ajv2.$dataMetaSchema(sch, META_SUPPORT_DATA) : sch;
      }
    }
    exports.default = addMetaSchema2020;
  }
});

// node_modules/ajv/dist/2020.js
var require__ = __commonJS({
  "node_modules/ajv/dist/2020.js"(exports, module) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.MissingRefError = exports.ValidationError = exports.CodeGen = exports.Name = exports.nil = exports.stringify = exports.str = exports._ = exports.KeywordCxt = exports.Ajv2020 = void 0;
    var core_1 = require_core();
    var draft2020_1 = require_draft2020();
    var discriminator_1 = require_discriminator();
    var json_schema_2020_12_1 = require_json_schema_2020_12();
    var META_SCHEMA_ID = "https://json-schema.org/draft/2020-12/schema";
    var Ajv20202 = class extends core_1.default {
      constructor(opts = {}) {
        super({
          ...opts,
          dynamicRef: true,
          next: true,
          unevaluated: true
        });
      }
      _addVocabularies() {
        super._addVocabularies();
        draft2020_1.default.forEach((v) => this.addVocabulary(v));
        if (this.opts.discriminator)
          this.addKeyword(discriminator_1.default);
      }
      _addDefaultMetaSchema() {
        super._addDefaultMetaSchema();
        const { $data, meta } = this.opts;
        if (!meta)
          return;
        json_schema_2020_12_1.default.call(this, $data);
        this.refs["http://json-schema.org/schema"] = META_SCHEMA_ID;
      }
      defaultMeta() {
        return this.opts.defaultMeta = super.defaultMeta() || (this.getSchema(META_SCHEMA_ID) ? META_SCHEMA_ID : void 0);
      }
    };
    exports.Ajv2020 = Ajv20202;
    module.exports = exports = Ajv20202;
    module.exports.Ajv2020 = Ajv20202;
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.default = Ajv20202;
    var validate_1 = require_validate();
    Object.defineProperty(exports, "KeywordCxt", { enumerable: true, get: function() {
      return validate_1.KeywordCxt;
    } });
    var codegen_1 = require_codegen();
    Object.defineProperty(exports, "_", { enumerable: true, get: function() {
      return codegen_1._;
    } });
    Object.defineProperty(exports, "str", { enumerable: true, get: function() {
      return codegen_1.str;
    } });
    Object.defineProperty(exports, "stringify", { enumerable: true, get: function() {
      return codegen_1.stringify;
    } });
    Object.defineProperty(exports, "nil", { enumerable: true, get: function() {
      return codegen_1.nil;
    } });
    Object.defineProperty(exports, "Name", { enumerable: true, get: function() {
      return codegen_1.Name;
    } });
    Object.defineProperty(exports, "CodeGen", { enumerable: true, get: function() {
      return codegen_1.CodeGen;
    } });
    var validation_error_1 = require_validation_error();
    Object.defineProperty(exports, "ValidationError", { enumerable: true, get: function() {
      return validation_error_1.default;
    } });
    var ref_error_1 = require_ref_error();
    Object.defineProperty(exports, "MissingRefError", { enumerable: true, get: function() {
      return ref_error_1.default;
    } });
  }
});

// src/cli.ts
import { parseArgs } from "node:util";

// src/git/git.ts
import { execFileSync } from "node:child_process";
import { lstatSync, readFileSync, realpathSync } from "node:fs";
import { isAbsolute, join, relative, resolve, sep } from "node:path";
import posix from "node:path/posix";

// src/problem.ts
function formatProblem(problem) {
  let where = problem.file;
  if (problem.line !== void 0) {
    where += `:${problem.line}`;
    if (problem.column !== void 0) where += `:${problem.column}`;
  }
  const field = problem.field ? ` ${problem.field}` : "";
  return `${where}${field}: ${problem.message}`;
}
function sortProblems(problems) {
  return problems.toSorted(
    (a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0)
  );
}
var InputError = class extends Error {
  problems;
  constructor(problems, summary) {
    const sorted = sortProblems(problems);
    super(summary ?? sorted.map(formatProblem).join("\n"));
    this.name = "InputError";
    this.problems = sorted;
  }
};

// src/git/git.ts
var GitError = class extends Error {
  name = "GitError";
};
var MAX_BUFFER = 256 * 1024 * 1024;
function git(cwd, args, options = {}) {
  try {
    return execFileSync("git", args, {
      cwd,
      maxBuffer: MAX_BUFFER,
      stdio: ["pipe", "pipe", "pipe"],
      ...options.input !== void 0 ? { input: options.input } : {},
      env: { ...process.env, GIT_TERMINAL_PROMPT: "0", LC_ALL: "C" }
    });
  } catch (error) {
    const stderr = error.stderr?.toString().trim();
    throw new GitError(`git ${args[0]} failed: ${stderr || (error instanceof Error ? error.message : String(error))}`);
  }
}
function tryGit(cwd, args) {
  try {
    return git(cwd, args);
  } catch {
    return void 0;
  }
}
function findRepoRoot(dir) {
  return tryGit(dir, ["rev-parse", "--show-toplevel"])?.toString().trim() || void 0;
}
function resolveCommit(repo, ref, flag = "--base") {
  if (ref.startsWith("-")) throw new InputError([{ file: flag, message: `"${ref}" is not a git ref` }]);
  const sha = tryGit(repo, ["rev-parse", "--verify", "--quiet", "--end-of-options", `${ref}^{commit}`])?.toString().trim();
  if (sha) return sha;
  const shallow = tryGit(repo, ["rev-parse", "--is-shallow-repository"])?.toString().trim() === "true";
  const message = shallow ? `${ref} is not in this clone, which is shallow (history was not fetched); check out with full history: actions/checkout with \`fetch-depth: 0\`, or \`git fetch --unshallow\`` : `${ref} does not name a commit in ${repo}; fetch it first (e.g. \`git fetch origin ${ref}\`)`;
  throw new InputError([{ file: flag, message }]);
}
function changedPaths(repo, base, head) {
  const args = ["diff", "--name-only", "-z", "--no-renames", base];
  if (head) args.push(head);
  const tracked = git(repo, args).toString().split("\0").filter(Boolean);
  if (head) return tracked.toSorted();
  const untracked = git(repo, ["ls-files", "-z", "--others", "--exclude-standard"]).toString().split("\0").filter(Boolean);
  return [.../* @__PURE__ */ new Set([...tracked, ...untracked])].toSorted();
}
function listFilesAt(repo, commit2, dir = ".") {
  return git(repo, ["ls-tree", "-r", "-z", "--name-only", commit2, "--", dir]).toString().split("\0").filter(Boolean);
}
function commitsTouching(repo, from, path) {
  return git(repo, ["--literal-pathspecs", "rev-list", from, "--", path]).toString().split("\n").filter(Boolean);
}
var MAX_SYMLINK_HOPS = 8;
function listTree(repo, commit2) {
  const tree = /* @__PURE__ */ new Map();
  for (const record of git(repo, ["ls-tree", "-r", "-t", "-z", "--full-tree", commit2]).toString().split("\0")) {
    const tab = record.indexOf("	");
    if (tab < 0) continue;
    const [mode = "", type = "", object = ""] = record.slice(0, tab).split(" ");
    tree.set(record.slice(tab + 1), { mode, type, object });
  }
  return tree;
}
var blobCache = /* @__PURE__ */ new Map();
var blobCacheBytes = 0;
var BLOB_CACHE_LIMIT = 64 * 1024 * 1024;
function readBlob(repo, object) {
  const key = `${repo}\0${object}`;
  const cached = blobCache.get(key);
  if (cached) return cached;
  const bytes = git(repo, ["cat-file", "blob", object]);
  if (blobCacheBytes + bytes.length > BLOB_CACHE_LIMIT) {
    blobCache.clear();
    blobCacheBytes = 0;
  }
  blobCache.set(key, bytes);
  blobCacheBytes += bytes.length;
  return bytes;
}
function readerAtCommit(repo, commit2) {
  let tree;
  const cache = /* @__PURE__ */ new Map();
  const blob = (object) => readBlob(repo, object);
  const follow = (link, target, rest, hops) => {
    if (hops >= MAX_SYMLINK_HOPS) return { kind: "escapes", reason: "is a symlink chain that is too long" };
    const next = posix.normalize(posix.join(posix.dirname(link), target, rest));
    if (posix.isAbsolute(target) || next === ".." || next.startsWith("../")) {
      return { kind: "escapes", reason: `is a symlink pointing outside the repository (${target})` };
    }
    return read(next, hops + 1);
  };
  const read = (path, hops) => {
    tree ??= listTree(repo, commit2);
    const clean3 = posix.normalize(path).replace(/^(\.\/)+/, "").replace(/\/+$/, "");
    const entry = tree.get(clean3);
    if (!entry) {
      const segments = clean3.split("/");
      for (let i = 1; i < segments.length; i++) {
        const prefix = segments.slice(0, i).join("/");
        const parent = tree.get(prefix);
        if (!parent) return { kind: "missing" };
        if (parent.mode === "120000") return follow(prefix, blob(parent.object).toString(), segments.slice(i).join("/"), hops);
      }
      return { kind: "missing" };
    }
    if (entry.type !== "blob") return { kind: "not-a-file" };
    const bytes = blob(entry.object);
    if (entry.mode !== "120000") return { kind: "file", bytes };
    return follow(clean3, bytes.toString(), "", hops);
  };
  return (path) => {
    let result = cache.get(path);
    if (!result) {
      result = read(path, 0);
      cache.set(path, result);
    }
    return result;
  };
}
function readerAtWorktree(root) {
  const realRoot = realpathSync(root);
  return (path) => {
    const full = resolve(realRoot, path);
    let real;
    try {
      real = realpathSync(full);
    } catch {
      return { kind: "missing" };
    }
    const rel = relative(realRoot, real);
    if (rel === ".." || rel.startsWith(`..${sep}`) || isAbsolute(rel)) {
      return { kind: "escapes", reason: `resolves outside the repository (symlink to ${real})` };
    }
    if (!lstatSync(real).isFile()) return { kind: "not-a-file" };
    return { kind: "file", bytes: readFileSync(join(realRoot, rel)) };
  };
}

// src/cli/io.ts
import { randomBytes } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync as readFileSync2, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join as join2, relative as relative2, resolve as resolve2, sep as sep2 } from "node:path";
var UsageError = class extends Error {
  name = "UsageError";
};
function writeFileAtomic(path, data, mode) {
  mkdirSync(dirname(path), { recursive: true });
  const temp = `${path}.${randomBytes(6).toString("hex")}.tmp`;
  try {
    writeFileSync(temp, data, mode === void 0 ? {} : { mode });
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}
function readInputFile(path, what) {
  try {
    return readFileSync2(path);
  } catch (error) {
    const code = error.code;
    const reason = code === "ENOENT" ? "does not exist" : code === "EISDIR" ? "is a directory, expected a file" : `cannot be read (${code ?? String(error)})`;
    throw new InputError([{ file: path, message: `${what} ${reason}` }]);
  }
}
function expandYamlPaths(paths, cwd) {
  const out = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).toSorted((a, b) => a.name < b.name ? -1 : 1)) {
      if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
      const full = join2(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && /\.ya?ml$/i.test(entry.name)) out.push(full);
    }
  };
  const missing = [];
  for (const given of paths) {
    const path = resolve2(cwd, given);
    let stats;
    try {
      stats = statSync(path);
    } catch {
      missing.push({ file: given, message: "does not exist" });
      continue;
    }
    if (stats.isDirectory()) walk(path);
    else out.push(path);
  }
  if (missing.length > 0) throw new InputError(missing);
  return out;
}
function toRepoPath(root, path) {
  return relative2(root, resolve2(path)).split(sep2).join("/");
}

// src/cli/check-command.ts
import { randomBytes as randomBytes2 } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync as mkdirSync2, renameSync as renameSync2, rmSync as rmSync2, statSync as statSync2, writeFileSync as writeFileSync2 } from "node:fs";
import { join as join3, resolve as resolve5 } from "node:path";

// src/report/sign.ts
import { sign } from "node:crypto";

// src/report/keys.ts
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync } from "node:crypto";
var SUPPORTED = "use an Ed25519 key (recommended: openssl genpkey -algorithm ed25519) or an ECDSA P-256 key";
function generateSigningKeyPair(algorithm) {
  const pair = algorithm === "ed25519" ? generateKeyPairSync("ed25519", {
    publicKeyEncoding: { type: "spki", format: "pem" },
    privateKeyEncoding: { type: "pkcs8", format: "pem" }
  }) : generateKeyPairSync("ec", {
    namedCurve: "prime256v1",
    publicKeyEncoding: { type: "spki", format: "pem" },
    privateKeyEncoding: { type: "pkcs8", format: "pem" }
  });
  return { privateKeyPem: pair.privateKey, publicKeyPem: pair.publicKey, keyid: keyIdOf(pair.publicKey) };
}
function keyIdOf(publicKeyPem) {
  return loadPublicKey(publicKeyPem, "public key").keyid;
}
function loadPrivateKey(pem, label) {
  const text = readPemBlock(pem, label, "private");
  let key;
  try {
    key = createPrivateKey({ key: text, format: "pem" });
  } catch {
    throw keyError(label, "could not be parsed as a private key (the PEM body is damaged or not a key)");
  }
  const algorithm = algorithmOf(key, label);
  return { key, algorithm, keyid: spkiKeyId(createPublicKey(key)) };
}
function loadPublicKey(pem, label) {
  const text = readPemBlock(pem, label, "public");
  let key;
  try {
    key = createPublicKey({ key: text, format: "pem" });
  } catch {
    throw keyError(label, "could not be parsed as a public key (the PEM body is damaged or not a key)");
  }
  const algorithm = algorithmOf(key, label);
  return { key, algorithm, keyid: spkiKeyId(key) };
}
function readPemBlock(pem, label, want) {
  if (typeof pem !== "string" || pem.trim() === "") throw keyError(label, "is empty; expected a PEM-encoded key");
  let text = pem.replace(/\r\n?/g, "\n").trim();
  if (!text.includes("\n") && text.includes("\\n")) text = text.replaceAll("\\n", "\n");
  const labels = [...text.matchAll(/-----BEGIN ([A-Z0-9 ]+)-----/g)].map((match) => match[1] ?? "").filter((name) => name !== "EC PARAMETERS");
  const wanted = want === "private" ? "PRIVATE KEY" : "PUBLIC KEY";
  if (labels.length === 0) {
    throw keyError(label, `is not PEM; expected a block starting with -----BEGIN ${wanted}-----`);
  }
  if (labels.length > 1) {
    throw keyError(label, `holds ${labels.length} PEM blocks (${labels.join(", ")}); expected exactly one key`);
  }
  const found = labels[0] ?? "";
  if (found === "ENCRYPTED PRIVATE KEY" || /^Proc-Type:\s*4,ENCRYPTED/m.test(text)) {
    throw keyError(
      label,
      "is encrypted with a passphrase; supply an unencrypted PKCS#8 key and protect it as a secret instead"
    );
  }
  if (found === "OPENSSH PRIVATE KEY") {
    throw keyError(label, `is in OpenSSH format, not PEM; ${SUPPORTED}`);
  }
  if (found === "CERTIFICATE") {
    throw keyError(label, "is an X.509 certificate; supply its public key (openssl x509 -in cert.pem -pubkey -noout)");
  }
  if (found.startsWith("RSA ")) throw keyError(label, `is an RSA key, which is not supported; ${SUPPORTED}`);
  if (want === "public" && found.endsWith("PRIVATE KEY")) {
    throw keyError(
      label,
      "holds a private key; trusted keys must be public keys (openssl pkey -in key.pem -pubout) and the private key must stay secret"
    );
  }
  if (want === "private" && found === "PUBLIC KEY") {
    throw keyError(label, "is a public key; signing needs the private key");
  }
  if (want === "private" ? !found.endsWith("PRIVATE KEY") : found !== "PUBLIC KEY") {
    throw keyError(label, `holds a PEM block of type "${found}"; expected -----BEGIN ${wanted}-----`);
  }
  return `${text}
`;
}
function algorithmOf(key, label) {
  const type = key.asymmetricKeyType;
  if (type === "ed25519") return "ed25519";
  if (type === "ec") {
    const curve = key.asymmetricKeyDetails?.namedCurve;
    if (curve === "prime256v1") return "ecdsa-p256";
    throw keyError(label, `is an ECDSA key on curve ${curve ?? "unknown"}; only P-256 (prime256v1) is supported`);
  }
  if (type === "rsa" || type === "rsa-pss") {
    throw keyError(label, `is an RSA key, which is not supported; ${SUPPORTED}`);
  }
  throw keyError(label, `is a ${type ?? "unknown"} key, which is not supported; ${SUPPORTED}`);
}
function spkiKeyId(publicKey) {
  const der = publicKey.export({ type: "spki", format: "der" });
  return `sha256:${createHash("sha256").update(der).digest("hex")}`;
}
function keyError(label, message) {
  return new InputError([{ file: label, message }]);
}

// src/report/statement.ts
var STATEMENT_TYPE = "https://in-toto.io/Statement/v1";
var PREDICATE_TYPE = "https://kaizen-gate.dev/release-decision/v1";
var PAYLOAD_TYPE = "application/vnd.in-toto+json";
var HEX_LENGTHS = {
  sha256: [64],
  sha512: [128],
  sha1: [40],
  gitCommit: [40, 64],
  gitBlob: [40, 64],
  gitTree: [40, 64]
};
function buildStatement(subjects, predicate) {
  const byName2 = /* @__PURE__ */ new Map();
  for (const subject of subjects) {
    const problem = describeSubjectProblem(subject);
    if (problem !== void 0) throw new Error(`Cannot build statement: subject ${problem}.`);
    const seen = byName2.get(subject.name);
    if (seen === void 0) {
      byName2.set(subject.name, { name: subject.name, digest: { ...subject.digest } });
    } else if (canonicalJson(seen.digest) !== canonicalJson(subject.digest)) {
      throw new Error(`Cannot build statement: subject "${subject.name}" is listed twice with different digests.`);
    }
  }
  const sorted = [...byName2.values()].toSorted((a, b) => compareCodeUnits(a.name, b.name));
  return { _type: STATEMENT_TYPE, subject: sorted, predicateType: PREDICATE_TYPE, predicate };
}
function readStatement(value) {
  if (!isPlainObject(value)) return fail("The signed payload is not a JSON object.");
  if (value["_type"] !== STATEMENT_TYPE) {
    return fail(`The signed statement's _type is ${describe(value["_type"])}, expected "${STATEMENT_TYPE}".`);
  }
  if (value["predicateType"] !== PREDICATE_TYPE) {
    return fail(
      `The signed statement's predicateType is ${describe(value["predicateType"])}, expected "${PREDICATE_TYPE}".`
    );
  }
  const subjects = value["subject"];
  if (!Array.isArray(subjects) || subjects.length === 0) {
    return fail("The signed statement has no subject list; it must name at least one subject.");
  }
  for (const [index, subject] of subjects.entries()) {
    const problem = isPlainObject(subject) ? describeSubjectProblem(subject) : "is not an object";
    if (problem !== void 0) return fail(`The signed statement's subject[${index}] ${problem}.`);
  }
  if (!isPlainObject(value["predicate"])) return fail("The signed statement has no predicate object.");
  return { ok: true, statement: value };
}
function canonicalJson(value) {
  return writeValue(value, "$", []);
}
function writeValue(value, path, ancestors) {
  if (value === null) return "null";
  switch (typeof value) {
    case "boolean":
      return value ? "true" : "false";
    case "string":
      return JSON.stringify(value);
    case "number":
      if (!Number.isFinite(value)) throw new Error(`canonicalJson: ${String(value)} at ${path} is not a finite number.`);
      return JSON.stringify(value);
    case "object":
      break;
    default:
      throw new Error(`canonicalJson: ${typeof value} at ${path} has no JSON form.`);
  }
  if (ancestors.includes(value)) throw new Error(`canonicalJson: ${path} refers back to itself.`);
  const inner = [...ancestors, value];
  if (Array.isArray(value)) {
    const items = value.map((item, index) => writeValue(item, `${path}[${index}]`, inner));
    return `[${items.join(",")}]`;
  }
  if (!isPlainObject(value)) throw new Error(`canonicalJson: ${path} is not a plain object.`);
  const members = [];
  for (const key of Object.keys(value).toSorted(compareCodeUnits)) {
    const member = value[key];
    if (member === void 0) continue;
    members.push(`${JSON.stringify(key)}:${writeValue(member, `${path}.${key}`, inner)}`);
  }
  return `{${members.join(",")}}`;
}
function describeSubjectProblem(subject) {
  const { name, digest: digest2 } = subject;
  if (typeof name !== "string" || name === "") return "has no name";
  if (!isPlainObject(digest2) || Object.keys(digest2).length === 0) return `"${name}" has no digest`;
  for (const [algorithm, hex] of Object.entries(digest2)) {
    if (typeof hex !== "string") return `"${name}" has a non-string ${algorithm} digest`;
    const lengths = HEX_LENGTHS[algorithm];
    if (lengths !== void 0 && !(lengths.includes(hex.length) && /^[0-9a-f]*$/.test(hex))) {
      return `"${name}" has a ${algorithm} digest that is not ${lengths.join(" or ")} lowercase hex characters`;
    }
  }
  return void 0;
}
function isPlainObject(value) {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
function compareCodeUnits(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}
function describe(value) {
  if (value === void 0) return "missing";
  if (value === null) return "null";
  if (typeof value === "string") return JSON.stringify(value);
  if (Array.isArray(value)) return "a list";
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}
function fail(reason) {
  return { ok: false, reason };
}

// src/report/sign.ts
var encoder = new TextEncoder();
function preAuthEncoding(payloadType, payload) {
  const type = encoder.encode(payloadType);
  const head = encoder.encode(`DSSEv1 ${type.length} ${payloadType} ${payload.length} `);
  const pae = new Uint8Array(head.length + payload.length);
  pae.set(head, 0);
  pae.set(payload, head.length);
  return pae;
}
function signStatement(statement, privateKeyPem, label = "signing key") {
  const { key, algorithm, keyid } = loadPrivateKey(privateKeyPem, label);
  const payload = encoder.encode(canonicalJson(statement));
  const pae = preAuthEncoding(PAYLOAD_TYPE, payload);
  const signature = algorithm === "ed25519" ? sign(null, pae, key) : sign("sha256", pae, { key, dsaEncoding: "der" });
  return {
    payloadType: PAYLOAD_TYPE,
    payload: Buffer.from(payload).toString("base64"),
    signatures: [{ keyid, sig: signature.toString("base64") }]
  };
}

// src/report/attest.ts
var AT_COMMIT = "@";
function subjectsOf(report) {
  const subjects = /* @__PURE__ */ new Map();
  const add = (name, sha256) => {
    subjects.set(name, { name, digest: { sha256 } });
  };
  for (const manifest of report.subject.manifests) {
    if (manifest.role === "candidate") add(manifest.path, manifest.sha256);
    else add(`${manifest.path}${AT_COMMIT}${manifest.commit}`, manifest.sha256);
  }
  for (const artifact of report.subject.artifacts) add(artifact.path, artifact.sha256);
  for (const evidence of report.subject.evidence) add(evidence.path, evidence.sha256);
  const list = [...subjects.values()];
  if (report.subject.commit) list.push({ name: "git+commit", digest: { gitCommit: report.subject.commit } });
  return list;
}
function attestReport(report, privateKeyPem, unsignedReason) {
  if (privateKeyPem === void 0) {
    const unsigned = { ...report, signature: { status: "unsigned", reason: unsignedReason } };
    return { report: unsigned, statement: buildStatement(subjectsOf(unsigned), unsigned) };
  }
  const { keyid } = loadPrivateKey(privateKeyPem, "signing-key");
  const signed = { ...report, signature: { status: "signed", keyid } };
  const statement = buildStatement(subjectsOf(signed), signed);
  return { report: signed, statement, envelope: signStatement(statement, privateKeyPem, "signing-key") };
}

// src/gates/format.ts
function formatPp(value) {
  const shown = Number(value.toFixed(1));
  const sign2 = shown > 0 ? "+" : shown < 0 ? "−" : "±";
  return `${sign2}${Math.abs(shown).toFixed(1)} pp`;
}
function formatValue(value, unit) {
  switch (unit) {
    case "pp":
      return formatPp(value);
    case "ratio":
      return `×${value.toFixed(3)}`;
    case "ms":
      return `${formatCount(value)} ms`;
    case "usd":
      if (value === 0) return "$0";
      return Math.abs(value) < 0.01 ? `$${value.toPrecision(3)}` : `$${value.toFixed(value < 1 ? 4 : 2)}`;
    case "count":
      return String(Math.round(value));
  }
}
function formatConfidence(level) {
  return `${confidenceDigits(level)} %`;
}
function confidenceDigits(level) {
  const rest = (1 - level) * 100;
  const decimals = rest > 0 ? Math.min(4, Math.max(0, 1 - Math.floor(Math.log10(rest)))) : 0;
  const text = (level * 100).toFixed(decimals);
  return decimals > 0 ? text.replace(/0+$/, "").replace(/\.$/, "") : text;
}
function formatInterval(interval, unit) {
  const level = `${confidenceDigits(interval.level)}% CI`;
  if (unit === "pp") return `${level} ${formatPp(interval.lower).replace(" pp", "")} to ${formatPp(interval.upper)}`;
  return `${level} ${formatValue(interval.lower, unit)} to ${formatValue(interval.upper, unit)}`;
}
function formatRatioChange(ratio) {
  const pct = (ratio - 1) * 100;
  return `${pct >= 0 ? "+" : "−"}${Math.abs(pct).toFixed(1)} %`;
}
function formatCount(value) {
  const digits = String(Math.abs(Math.round(value)));
  const grouped = digits.replace(/\B(?=(\d{3})+$)/g, ",");
  return value <= -0.5 ? `-${grouped}` : grouped;
}
function formatP(p) {
  return p < 1e-4 ? "< 0.0001" : p.toFixed(4).replace(/0+$/, "").replace(/\.$/, "");
}

// src/manifest/load.ts
var import_yaml = __toESM(require_dist(), 1);
var DEFAULT_LOAD_LIMITS = { maxBytes: 1024 * 1024, maxAliases: 100, maxNodes: 1e5, maxDepth: 64 };
var FORBIDDEN_KEYS = /* @__PURE__ */ new Set(["__proto__", "constructor", "prototype"]);
function escapePointer(segment) {
  return String(segment).replaceAll("~", "~0").replaceAll("/", "~1");
}
function loadYaml(bytes, file, limits = DEFAULT_LOAD_LIMITS) {
  if (bytes.length > limits.maxBytes) {
    return { problems: [{ file, line: 1, column: 1, message: `file is ${bytes.length} bytes; expected at most ${limits.maxBytes} for a YAML file` }] };
  }
  const decoded = decodeText(bytes, file);
  if ("problem" in decoded) return { problems: [decoded.problem] };
  const text = decoded.text;
  if (text.split("\n").every((line) => /^\s*(#[^\n]*)?$/.test(line))) {
    return { problems: [{ file, line: 1, column: 1, message: "file is empty (no YAML content); expected a mapping" }] };
  }
  const deep = findDeepFlow(text, limits.maxDepth);
  if (deep !== void 0) {
    return { problems: [{ file, ...positionIn(text, deep), message: `nesting deeper than ${limits.maxDepth} levels` }] };
  }
  const lineCounter = new import_yaml.LineCounter();
  const at = (offset) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  let documents;
  try {
    documents = (0, import_yaml.parseAllDocuments)(text, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true });
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return { problems: [{ file, line: 1, column: 1, message: `nesting too deep to parse; expected at most ${limits.maxDepth} levels` }] };
  }
  if (!Array.isArray(documents)) {
    return { problems: [{ file, line: 1, column: 1, message: "expected one YAML document, found none" }] };
  }
  const problems = [];
  for (const doc of documents) {
    for (const error of [...doc.errors, ...doc.warnings]) {
      problems.push({ file, ...at(error.pos[0]), message: describeYamlError(error, text, limits) });
      if (error.message.includes("call stack") || error.message.includes("Stack overflow")) break;
    }
  }
  if (documents.length > 1) {
    const second = documents[1];
    const offset = second?.range[0] ?? 0;
    problems.push({
      file,
      ...at(offset),
      message: `expected one YAML document, found ${documents.length}; put each package in its own file`
    });
  }
  const document = documents[0];
  if (!document || problems.length > 0) return { problems: dedupeByMessage(problems) };
  const positions = /* @__PURE__ */ new Map();
  const keyPositions = /* @__PURE__ */ new Map();
  const budget = { aliases: 0, nodes: 0 };
  const convert = (node, pointer, depth) => {
    const range = node?.range;
    if (range && !positions.has(pointer)) positions.set(pointer, at(range[0]));
    budget.nodes += 1;
    if (budget.nodes > limits.maxNodes) {
      throw new LimitExceeded(`more than ${limits.maxNodes} values after alias expansion`, pointer);
    }
    if (depth > limits.maxDepth) throw new LimitExceeded(`nesting deeper than ${limits.maxDepth} levels`, pointer);
    if ((0, import_yaml.isAlias)(node)) {
      budget.aliases += 1;
      if (budget.aliases > limits.maxAliases) {
        throw new LimitExceeded(`more than ${limits.maxAliases} alias expansions (an alias bomb?); write the values out`, pointer);
      }
      const target = node.resolve(document);
      if (target === void 0) {
        problems.push({ file, ...positions.get(pointer), ...fieldOption(pointer), message: `alias *${node.source} refers to no anchor &${node.source} before it` });
        return null;
      }
      return convert(target, pointer, depth + 1);
    }
    if (node === null || node === void 0) return null;
    if ((0, import_yaml.isScalar)(node)) {
      const value2 = normaliseScalar(node.value);
      if (value2 === void 0) {
        problems.push({ file, ...positions.get(pointer), ...fieldOption(pointer), message: `${shortTag(node.tag)} values are not supported; use a string` });
        return null;
      }
      return value2;
    }
    if ((0, import_yaml.isSeq)(node)) return node.items.map((item, i) => convert(item, `${pointer}/${i}`, depth + 1));
    if ((0, import_yaml.isMap)(node)) {
      const out = {};
      for (const pair of node.items) {
        const keyNode = pair.key;
        const keyRange = keyNode?.range;
        const keyAt = keyRange ? at(keyRange[0]) : positions.get(pointer);
        const key = (0, import_yaml.isScalar)(keyNode) ? keyNode.value : void 0;
        if (typeof key !== "string") {
          problems.push({ file, ...keyAt, ...fieldOption(pointer), message: describeNonStringKey(keyNode, text) });
          continue;
        }
        const childPointer = `${pointer}/${escapePointer(key)}`;
        if (FORBIDDEN_KEYS.has(key)) {
          problems.push({ file, ...keyAt, ...fieldOption(childPointer), message: `key "${key}" is not allowed (it could alter object prototypes)` });
          continue;
        }
        if (keyAt) keyPositions.set(childPointer, keyAt);
        out[key] = convert(pair.value, childPointer, depth + 1);
        if (pair.value === null && keyAt && !positions.has(childPointer)) positions.set(childPointer, keyAt);
      }
      return out;
    }
    return null;
  };
  let value;
  try {
    value = convert(document.contents, "", 0);
  } catch (error) {
    if (!(error instanceof LimitExceeded)) throw error;
    const position = positions.get(error.pointer) ?? { line: 1, column: 1 };
    return { problems: [...problems, { file, ...position, ...fieldOption(error.pointer), message: error.message }] };
  }
  if (problems.length > 0) return { problems };
  return { loaded: { file, value, positions, keyPositions, document, lineCounter, text }, problems };
}
function fieldOf(pointer) {
  if (pointer === "") return "";
  let out = "";
  for (const raw of pointer.slice(1).split("/")) {
    const segment = raw.replaceAll("~1", "/").replaceAll("~0", "~");
    out += /^\d+$/.test(segment) ? `[${segment}]` : out === "" ? segment : `.${segment}`;
  }
  return out;
}
var LimitExceeded = class extends Error {
  pointer;
  constructor(message, pointer) {
    super(message);
    this.pointer = pointer;
  }
};
function fieldOption(pointer) {
  return pointer === "" ? {} : { field: fieldOf(pointer) };
}
function positionIn(text, offset) {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf("\n") + 1;
  return { line: before.split("\n").length, column: offset - lineStart + 1 };
}
function decodeText(bytes, file) {
  const invalid2 = firstInvalidUtf8(bytes);
  const text = new TextDecoder("utf-8", { ignoreBOM: false }).decode(invalid2 === void 0 ? bytes : bytes.subarray(0, invalid2));
  const control = firstControl(text);
  if (control !== void 0) {
    const code = text.charCodeAt(control).toString(16).toUpperCase().padStart(4, "0");
    return {
      problem: { file, ...positionIn(text, control), message: `binary content (control character U+${code}); expected a UTF-8 YAML text file` }
    };
  }
  if (invalid2 !== void 0) {
    const byte = bytes[invalid2].toString(16).toUpperCase().padStart(2, "0");
    return {
      problem: { file, ...positionIn(text, text.length), message: `not valid UTF-8 (byte 0x${byte}); expected a UTF-8 YAML text file, not binary data` }
    };
  }
  const bareCr = /\r(?!\n)/.exec(text);
  if (bareCr) {
    return { problem: { file, ...positionIn(text, bareCr.index), message: "line ends with a bare CR (old Mac line ending); use LF or CRLF" } };
  }
  return { text };
}
function firstControl(text) {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 32 && code !== 9 && code !== 10 && code !== 13 || code === 127) return i;
  }
  return void 0;
}
function findDeepFlow(text, max) {
  let depth = 0;
  let comment = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "\n") comment = false;
    else if (comment) continue;
    else if (c === "#" && (i === 0 || /\s/.test(text[i - 1]))) comment = true;
    else if (c === "[" || c === "{") {
      depth += 1;
      if (depth > max) return i;
    } else if ((c === "]" || c === "}") && depth > 0) depth -= 1;
  }
  return void 0;
}
function firstInvalidUtf8(bytes) {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    const length = b < 128 ? 1 : b >= 194 && b <= 223 ? 2 : b >= 224 && b <= 239 ? 3 : b >= 240 && b <= 244 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) return i;
    for (let k = 1; k < length; k++) {
      if ((bytes[i + k] & 192) !== 128) return i;
    }
    const second = bytes[i + 1] ?? 0;
    if (b === 224 && second < 160 || b === 237 && second > 159 || b === 240 && second < 144 || b === 244 && second > 143) return i;
    i += length;
  }
  return void 0;
}
function normaliseScalar(value) {
  if (value === null || typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "number") return Number.isFinite(value) ? value : String(value);
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "bigint") return Number(value);
  return void 0;
}
function shortTag(tag) {
  return tag ? tag.replace(/^tag:yaml\.org,2002:/, "!!") : "such";
}
function describeNonStringKey(node, text) {
  if ((0, import_yaml.isScalar)(node)) {
    const source = node.range ? text.slice(node.range[0], node.range[1]).trim() : String(node.value);
    const kind = node.value === null ? "null" : `a ${typeof node.value}`;
    if (source === "") return "a key is empty (null); keys must be plain strings";
    return `key ${source} is ${kind}, not a string; quote it ("${source}") if it is meant as text`;
  }
  if ((0, import_yaml.isMap)(node)) return "a mapping cannot be a key; keys must be plain strings";
  if ((0, import_yaml.isSeq)(node)) return "a sequence cannot be a key; keys must be plain strings";
  return "a key is missing; keys must be plain strings";
}
function describeYamlError(error, text, limits) {
  const first = error.message.split("\n")[0].replace(/ at line \d+, column \d+:?$/, "");
  switch (error.code) {
    case "DUPLICATE_KEY": {
      const key = /^("(?:[^"\\\n]|\\.)*"|'[^'\n]*'|[^\n]*?)\s*:(?:\s|$)/.exec(text.slice(error.pos[0], error.pos[0] + 200))?.[1];
      return key && key.length <= 80 ? `duplicate key ${key}; each key may appear only once in a mapping` : "duplicate key; each key may appear only once in a mapping";
    }
    case "TAG_RESOLVE_FAILED":
      return `${first}; custom tags are not supported in manifests`;
    case "TAB_AS_INDENT":
      return "tab used for indentation; YAML indents with spaces";
  }
  if (first.includes("call stack") || first.includes("Stack overflow")) return `nesting too deep to parse; expected at most ${limits.maxDepth} levels`;
  return first;
}
function dedupeByMessage(problems) {
  const seen = /* @__PURE__ */ new Set();
  return problems.filter((p) => {
    const key = `${p.line}:${p.column}:${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

// src/manifest/model.ts
import { createHash as createHash2 } from "node:crypto";

// src/stable-json.ts
function stableJson(value) {
  if (Array.isArray(value)) return `[${value.map((item) => stableJson(item)).join(",")}]`;
  if (typeof value === "object" && value !== null) {
    const record = value;
    const keys = Object.keys(record).filter((key) => record[key] !== void 0).toSorted((a, b) => a < b ? -1 : a > b ? 1 : 0);
    return `{${keys.map((key) => `${JSON.stringify(key)}:${stableJson(record[key])}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

// src/manifest/model.ts
function listArtifacts(value) {
  const m = asRecord(value);
  const out = [];
  const push = (component, key, id, base, ref, pathField = "path") => {
    const r = asRecord(ref);
    const path = r[pathField];
    if (typeof path !== "string") return;
    const digest2 = r.sha256;
    out.push({
      component,
      key,
      id,
      path,
      recorded: typeof digest2 === "string" ? digest2 : void 0,
      pathPointer: `${base}/${pathField}`,
      digestPointer: `${base}/sha256`
    });
  };
  asArray(m.prompts).forEach((p, i) => push("prompt", `prompt:${idOf(p, i)}`, idOf(p, i), `/prompts/${i}`, p));
  asArray(m.tools).forEach((t, i) => push("tool", `tool:${idOf(t, i)}`, idOf(t, i), `/tools/${i}`, t, "schema"));
  asArray(m.guardrails).forEach((g, i) => push("guardrail", `guardrail:${idOf(g, i)}`, idOf(g, i), `/guardrails/${i}`, g));
  const retrieval = asRecord(m.retrieval);
  push("retrieval", "retrieval:manifest", "manifest", "/retrieval/manifest", retrieval.manifest);
  const routing = asRecord(m.routing);
  push("routing", `routing:${String(routing.id ?? "rule")}`, String(routing.id ?? "rule"), "/routing", routing);
  const evaluation = asRecord(m.evaluation);
  asArray(evaluation.suites).forEach((s, i) => push("evaluation", `suite:${idOf(s, i)}`, idOf(s, i), `/evaluation/suites/${i}`, s));
  push("judge", "judge:rubric", "rubric", "/evaluation/judge/rubric", asRecord(evaluation.judge).rubric);
  return out;
}
function digestOf(bytes) {
  return `sha256:${createHash2("sha256").update(bytes).digest("hex")}`;
}
function behaviourFingerprint(manifest) {
  const shape = {
    model: manifest.model,
    prompts: manifest.prompts.map((p) => [p.id, p.sha256]).toSorted(compareTuples),
    retrieval: manifest.retrieval ?? null,
    tools: (manifest.tools ?? []).map((t) => [t.id, t.version, t.sha256]).toSorted(compareTuples),
    routing: manifest.routing ?? null,
    guardrails: (manifest.guardrails ?? []).map((g) => [g.id, g.sha256]).toSorted(compareTuples)
  };
  return digestOf(new TextEncoder().encode(stableJson(shape)));
}
function compareTuples(a, b) {
  const x = JSON.stringify(a);
  const y = JSON.stringify(b);
  return x < y ? -1 : x > y ? 1 : 0;
}
function idOf(value, index) {
  const id = asRecord(value).id;
  return typeof id === "string" ? id : `#${index}`;
}
function asRecord(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? value : {};
}
function asArray(value) {
  return Array.isArray(value) ? value : [];
}

// src/manifest/verify.ts
function unsafePathReason(path) {
  if (path === "") return "is empty";
  if (path.includes("\0")) return "contains a NUL byte";
  if (path.includes("\\")) return 'uses backslashes; write repository paths with "/"';
  if (path.startsWith("/") || /^[A-Za-z]:/.test(path)) return "is absolute; artifact paths are relative to the repository root";
  if (path.split("/").some((segment) => segment === "..")) return 'leaves the repository ("..")';
  return void 0;
}
function verifyArtifacts(loaded, readFile) {
  const problems = [];
  const artifacts = [];
  for (const entry of listArtifacts(loaded.value)) {
    const { actual, problem: reason } = readArtifact(entry, readFile);
    const mismatch = entry.recorded !== void 0 && actual !== void 0 && entry.recorded !== actual;
    const problem = reason ? locate(loaded, entry.pathPointer, reason) : mismatch ? locate(
      loaded,
      entry.digestPointer,
      `${entry.path} has ${shortDigest(actual)} but the manifest records ${shortDigest(entry.recorded)}; run \`kaizen-gate lock\` if the change is intended`
    ) : void 0;
    artifacts.push({ ...entry, actual, mismatch, ...problem ? { problem } : {} });
    if (problem) problems.push(problem);
  }
  return { artifacts, problems };
}
function readArtifact(entry, readFile) {
  const unsafe = unsafePathReason(entry.path);
  if (unsafe) return { problem: `${JSON.stringify(entry.path)} ${unsafe}` };
  const read = readFile(entry.path);
  switch (read.kind) {
    case "file":
      return { actual: digestOf(read.bytes) };
    case "missing":
      return { problem: `${entry.path} does not exist in the repository` };
    case "not-a-file":
      return { problem: `${entry.path} is not a regular file` };
    case "escapes":
      return { problem: `${entry.path} ${read.reason}` };
  }
}
function shortDigest(digest2) {
  return digest2.length > 19 ? `${digest2.slice(0, 19)}…` : digest2;
}
function locate(loaded, pointer, message) {
  const position = loaded.positions.get(pointer) ?? loaded.keyPositions.get(pointer);
  const field = fieldOf(pointer);
  return {
    file: loaded.file,
    ...position ? { line: position.line, column: position.column } : {},
    ...field ? { field } : {},
    message
  };
}

// src/report/escape.ts
var MAX_TEXT_LENGTH = 2e3;
var MAX_CELL_LENGTH = 500;
var LINE_BREAK = /\r\n|[\n\r\v\f\u0085\u2028\u2029]/g;
var PUNCTUATION = /[\\`*~[\]|$]/g;
var UNDERSCORE = /(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])/g;
var URL_SCHEME = /:(?=\/\/)/g;
var WWW = /\b(www)\./gi;
var ENTITIES = { "&": "&amp;", "<": "&lt;", ">": "&gt;" };
var ZWJ = "‍";
function escapeMarkdown(text, maxLength = MAX_TEXT_LENGTH) {
  return escapeLines(text, maxLength).join(" ");
}
function escapeTableCell(text, maxLength = MAX_CELL_LENGTH) {
  return escapeLines(text, maxLength).filter((line) => line !== "").join("<br>");
}
function truncateText(text, maxLength) {
  if (text.length <= maxLength) return text;
  const points = Array.from(text);
  if (points.length <= maxLength) return text;
  return `${points.slice(0, Math.max(0, maxLength - 1)).join("")}…`;
}
function toPlainText(text, maxLength = MAX_TEXT_LENGTH, keepLines = false) {
  const lines = truncateText(text, maxLength).replaceAll("	", " ").split(LINE_BREAK);
  return lines.map((line) => showInvisible(line)).join(keepLines ? "\n" : " ");
}
function escapeLines(text, maxLength) {
  const lines = truncateText(text, maxLength).replaceAll("	", " ").split(LINE_BREAK);
  return lines.map((line) => escapeLine(showInvisible(line).trim()));
}
function showInvisible(line) {
  let out = "";
  for (const char of line) out += isInvisible(char.codePointAt(0) ?? 0) ? "�" : char;
  return out;
}
function isInvisible(code) {
  return code < 32 || code >= 127 && code <= 159 || code === 1564 || code === 8206 || code === 8207 || code >= 8234 && code <= 8238 || code >= 8294 && code <= 8297;
}
function escapeLine(line) {
  const escaped = line.replace(PUNCTUATION, (c) => `\\${c}`).replace(UNDERSCORE, "\\_").replace(URL_SCHEME, "\\:").replace(WWW, "$1\\.").replace(/[&<>]/g, (c) => ENTITIES[c] ?? c).replaceAll("@", `@${ZWJ}`).replace(/#(?=\d)/g, `#${ZWJ}`);
  return escaped.replace(/^[#+=-](?=[\s#+=-]|$)/, (c) => `\\${c}`).replace(/^(\d{1,9})([.)])(?=\s|$)/, "$1\\$2");
}

// src/report/annotations.ts
function manifestProblems(gates) {
  const gate = gates.find((g) => g.gate === "manifest");
  if (!gate || gate.verdict !== "fail") return [];
  return gate.measures.filter((m) => m.verdict === "fail" && m.reason !== void 0).flatMap((m) => (m.reason ?? "").split("\n")).filter((line) => line.trim() !== "");
}

// src/report/text.ts
var TERMINAL_CASES = 5;
function decisionWord(outcome) {
  switch (outcome) {
    case "approve":
      return "APPROVE";
    case "reject":
      return "REJECT";
    case "hold":
      return "HOLD";
    case "needs_approval":
      return "NEEDS APPROVAL";
    case "nothing_to_gate":
      return "NOTHING TO GATE";
  }
}
function verdictWord(verdict) {
  switch (verdict) {
    case "pass":
      return "pass";
    case "fail":
      return "FAIL";
    case "inconclusive":
      return "inconclusive";
    case "not_applicable":
      return "n/a";
  }
}
function formatEstimate(measure) {
  const value = formatValue(measure.estimate, measure.unit);
  return measure.unit === "ratio" ? `${value} (${formatRatioChange(measure.estimate)})` : value;
}
function formatCi(interval, unit, columnLevel) {
  const full = formatInterval(interval, unit);
  const prefix = `${confidenceDigits(interval.level)}% CI `;
  return columnLevel !== void 0 && confidenceDigits(columnLevel / 100) === confidenceDigits(interval.level) && full.startsWith(prefix) ? full.slice(prefix.length) : full;
}
function formatThreshold(measure) {
  if (measure.threshold === void 0) return "—";
  const direction = measure.worse === "lower" || measure.worse === void 0 && measure.unit === "pp" && measure.threshold < 0 ? "≥" : "≤";
  return `${direction} ${formatValue(measure.threshold, measure.unit)}`;
}
function formatOutcome(value) {
  return String(Math.round(value * 1e3) / 1e3);
}
function formatMeasureP(measure) {
  if (measure.adjusted_p !== void 0) return formatP(measure.adjusted_p);
  if (measure.p_value === void 0) return "—";
  return measure.alpha !== void 0 ? `${formatP(measure.p_value)} (α ${formatP(measure.alpha)})` : formatP(measure.p_value);
}
function renderText(report, options) {
  const paint = painter(options.color);
  const outcome = report.decision.outcome;
  const lines = [`${paint(outcomeColour(outcome), decisionWord(outcome), true)}  ${clean(report.decision.summary)}`];
  const several = report.packages.length > 1;
  for (const pkg of report.packages) lines.push("", ...packageLines(pkg, several, paint));
  if (report.unreferenced_changes.length > 0) {
    const shown = report.unreferenced_changes.slice(0, 10).map((path) => clean(path)).join(", ");
    const more2 = report.unreferenced_changes.length > 10 ? ` and ${report.unreferenced_changes.length - 10} more` : "";
    lines.push("", `${paint("yellow", "Changed files no manifest references")}: ${shown}${more2}`);
  }
  lines.push("", pointerLine(options.outDir));
  return `${lines.join("\n")}
`;
}
var CODES = { red: "31", green: "32", yellow: "33", dim: "2" };
function painter(color) {
  if (!color) return (_colour, text) => text;
  return (colour, text, bold = false) => `\x1B[${bold ? "1;" : ""}${CODES[colour]}m${text}\x1B[0m`;
}
function packageLines(pkg, several, paint) {
  const parent = pkg.parent ? ` ← ${clean(pkg.parent.package_id)}` : " (new application)";
  const lines = [`${clean(pkg.application)}  ${clean(pkg.package_id)}${parent}  (${clean(pkg.manifest)}, level ${pkg.side_effect_level})`];
  if (several) {
    lines.push(`  ${paint(outcomeColour(pkg.decision.outcome), decisionWord(pkg.decision.outcome), true)}  ${clean(pkg.decision.summary)}`);
  }
  for (const gate of pkg.gates) {
    const h = gate.headline;
    const estimate = h ? formatEstimate(h) : "—";
    const interval = h?.interval ? formatCi(h.interval, h.unit) : "";
    const word = verdictWord(gate.verdict).padEnd(12);
    lines.push(`  ${gate.gate.padEnd(9)}${paint(verdictColour(gate.verdict), word)}  ${estimate.padEnd(18)}  ${interval.padEnd(30)}  ${clean(gate.reason)}`.trimEnd());
  }
  const problems = manifestProblems(pkg.gates);
  if (problems.length > 0) {
    lines.push(`  ${paint("red", "manifest problems")}:`);
    for (const problem of problems.slice(0, 20)) lines.push(`    ${clean(problem)}`);
    if (problems.length > 20) lines.push(`    … and ${problems.length - 20} more`);
  }
  const failed = pkg.categories.filter((c) => c.measure.verdict === "fail");
  if (failed.length > 0) {
    lines.push(`  ${paint("red", "failed categories")}:`);
    for (const c of failed) {
      const ci = c.measure.interval ? `  ${formatCi(c.measure.interval, c.measure.unit)}` : "";
      lines.push(`    ${clean(c.category)}  ${formatEstimate(c.measure)}${ci}  n = ${c.n}  ${c.measure.adjusted_p !== void 0 ? "Holm p" : "p"} = ${formatMeasureP(c.measure)}`);
    }
  }
  if (pkg.worst_cases.length > 0) {
    lines.push(`  worst regressed cases${pkg.worst_cases.length > TERMINAL_CASES ? ` (${TERMINAL_CASES} of ${pkg.worst_cases.length})` : ""}:`);
    for (const c of pkg.worst_cases.slice(0, TERMINAL_CASES)) lines.push(`    ${caseLine(c, paint)}`);
  }
  return lines;
}
function caseLine(c, paint) {
  const critical = c.critical ? `  ${paint("red", "critical")}` : "";
  return `${clean(c.suite)}/${clean(c.case_id)}  ${clean(c.category)}${critical}  ${formatOutcome(c.parent)} → ${formatOutcome(c.candidate)}  ${clean(c.source)}`;
}
function pointerLine(outDir) {
  if (outDir === void 0) return "Full report: --out DIR writes report.md and report.json; --format markdown|json prints them.";
  const dir = clean(outDir).replace(/\/+$/, "");
  return `Full report: ${dir}/report.md and ${dir}/report.json`;
}
function outcomeColour(outcome) {
  switch (outcome) {
    case "approve":
      return "green";
    case "reject":
    case "hold":
      return "red";
    case "needs_approval":
      return "yellow";
    case "nothing_to_gate":
      return "dim";
  }
}
function verdictColour(verdict) {
  switch (verdict) {
    case "pass":
      return "green";
    case "fail":
      return "red";
    case "inconclusive":
      return "yellow";
    case "not_applicable":
      return "dim";
  }
}
function clean(text, maxLength = 500) {
  return toPlainText(text, maxLength);
}

// src/report/markdown.ts
var DEFAULT_DETAILS_LIMIT = 50;
var BODY_CASES = 5;
var BODY_CHANGES = 10;
var ID_LENGTH = 120;
var DECISION_ICON = {
  approve: "✅",
  reject: "❌",
  hold: "⏸️",
  needs_approval: "✋",
  nothing_to_gate: "➖"
};
var VERDICT_ICON = { pass: "✅", fail: "❌", inconclusive: "⚠️", not_applicable: "➖" };
function renderMarkdown(report, options = {}) {
  return renderMarkdownSections(report, options).map((section) => [section.title === "" ? "" : `## ${section.title}`, section.body, section.details ?? ""].filter((part) => part !== "").join("\n\n")).join("\n\n");
}
function renderMarkdownSections(report, options = {}) {
  const limit = Math.max(1, Math.trunc(options.detailsLimit ?? DEFAULT_DETAILS_LIMIT));
  const several = report.packages.length > 1;
  const sections = [{ title: "", body: overview(report, limit), priority: 100 }];
  for (const pkg of report.packages) {
    const prefix = several ? `${escapeMarkdown(pkg.application, ID_LENGTH)} · ` : "";
    const add = (title, priority, content) => {
      if (content) sections.push({ title: `${prefix}${title}`, priority, ...content });
    };
    if (several) {
      const word = `${DECISION_ICON[pkg.decision.outcome]} ${decisionWord(pkg.decision.outcome)}`;
      sections.push({ title: `${escapeMarkdown(pkg.application, ID_LENGTH)} — ${word}`, body: decisionBody(pkg, limit), priority: 90 });
    }
    add("Gates", 80, gatesSection(pkg, report.inputs.statistics.confidence, limit));
    add("Categories", 60, categoriesSection(pkg, report.inputs.statistics.confidence, limit));
    add("Worst regressed cases", 55, casesSection(pkg.worst_cases, limit));
    add("Manifest diff", 50, diffSection(pkg, limit));
    add("Rollout plan", 40, { body: rolloutBody(pkg) });
  }
  if (report.unreferenced_changes.length > 0) {
    sections.push({ title: "Changed files no manifest references", body: unreferencedBody(report.unreferenced_changes, limit), priority: 45 });
  }
  if (report.packages.length > 0) sections.push({ title: "Evidence and statistics", ...evidenceSection(report, limit), priority: 20 });
  return sections;
}
function overview(report, limit) {
  const outcome = report.decision.outcome;
  const word = decisionWord(outcome);
  const parts = [`## ${DECISION_ICON[outcome]} ${word} · kaizen-gate`];
  const only = report.packages.length === 1 ? report.packages[0] : void 0;
  if (only) parts.push(decisionBody(only, limit));
  else {
    parts.push(`**${escapeMarkdown(report.decision.summary)}**`);
    if (report.packages.length > 1) {
      const rows = report.packages.map((p) => [
        escapeTableCell(p.application, ID_LENGTH),
        escapeTableCell(p.package_id, ID_LENGTH),
        String(p.side_effect_level),
        `${DECISION_ICON[p.decision.outcome]} ${decisionWord(p.decision.outcome)}`,
        escapeTableCell(p.decision.summary)
      ]);
      parts.push(table(["application", "package", "level", "decision", "summary"], rows));
    }
  }
  parts.push(subjectLine(report));
  return parts.join("\n\n");
}
function decisionBody(pkg, limit) {
  const parts = [`**${escapeMarkdown(pkg.decision.summary)}**`];
  if (pkg.decision.reasons.length > 0) parts.push(bullets(pkg.decision.reasons.map((r) => escapeMarkdown(r)), limit));
  if (pkg.decision.outcome === "needs_approval" && pkg.decision.approvers.length > 0) {
    parts.push(`Approval by one of: ${pkg.decision.approvers.map((a) => escapeMarkdown(a, ID_LENGTH)).join(", ")}`);
  }
  const parent = pkg.parent ? ` (parent ${escapeMarkdown(pkg.parent.package_id, ID_LENGTH)})` : " (new application)";
  const level = `side-effect level ${pkg.side_effect_level} (${escapeMarkdown(pkg.rollout.level_name)})`;
  parts.push(
    [
      `**Package** ${escapeMarkdown(pkg.package_id, ID_LENGTH)}${parent} · ${escapeMarkdown(pkg.application, ID_LENGTH)} · ${escapeMarkdown(pkg.manifest)} · ${level}`,
      `**Change** ${escapeMarkdown(pkg.change.type, ID_LENGTH)} by ${escapeMarkdown(pkg.change.owner, ID_LENGTH)}: ${escapeMarkdown(pkg.change.summary)}`,
      `**Problem** ${escapeMarkdown(pkg.change.problem)}`
    ].join("  \n")
  );
  return parts.join("\n\n");
}
function refAt(ref, sha) {
  const bare2 = ref === "HEAD" || ref === "WORKTREE" || sha.startsWith(ref.toLowerCase());
  return bare2 ? commit(sha) : `${escapeMarkdown(ref, ID_LENGTH)} (${commit(sha)})`;
}
function subjectLine(report) {
  const parts = [];
  const head = report.subject.commit ?? report.inputs.head.commit ?? void 0;
  parts.push(`Head ${head ? refAt(report.inputs.head.ref, head) : "working tree"}`);
  parts.push(`base ${refAt(report.inputs.base.ref, report.inputs.base.commit)}`);
  const sig = report.signature;
  parts.push(
    sig.status === "signed" ? `🔏 signed${sig.keyid ? ` with key ${escapeMarkdown(sig.keyid, ID_LENGTH)}` : ""}` : `unsigned${sig.reason ? `: ${escapeMarkdown(sig.reason)}` : ""}`
  );
  parts.push(`kaizen-gate ${escapeMarkdown(report.tool.version, ID_LENGTH)}`);
  return `<sub>${parts.join(" · ")}</sub>`;
}
function shownLevel(pkg, confidence) {
  return pkg.error_budget ? (1 - 2 * pkg.error_budget.look_pass_risk) * 100 : confidence * 100;
}
function budgetLine(pkg) {
  const budget = pkg.error_budget;
  if (!budget) return void 0;
  const groups = /* @__PURE__ */ new Map();
  for (const line of budget.split) {
    const entry = groups.get(line.group) ?? { share: 0, tests: 0 };
    groups.set(line.group, { share: entry.share + line.share, tests: entry.tests + 1 });
  }
  const split = [...groups].map(([group, g]) => `${escapeMarkdown(group)} ${Math.round(g.share * 1e3) / 10} %${g.tests > 1 ? ` (${g.tests} tests)` : ""}`).join(", ");
  const bound = confidenceDigits(1 - budget.look_pass_risk);
  return `Each interval bound is one-sided at ${bound} %: a gate passes when the bound on the worse side is within its threshold. A measure fails only when its fail test rejects at its share α of the error budget: a candidate that changes nothing is rejected or held at most ${Math.round(budget.alpha * 1e3) / 10} % of the time over the whole decision and all looks. Look ${budget.look} spends α = ${formatP(budget.look_alpha)}${split ? `, split ${split}` : ""}.`;
}
function gatesSection(pkg, confidence, limit) {
  const level = shownLevel(pkg, confidence);
  const levelText = confidenceDigits(level / 100);
  const rows = pkg.gates.map((g) => {
    const h = g.headline;
    return [
      escapeTableCell(g.gate, ID_LENGTH),
      verdictCell(g.verdict),
      h ? escapeTableCell(formatEstimate(h)) : "—",
      h?.interval ? escapeTableCell(formatCi(h.interval, h.unit, level)) : "—",
      h ? escapeTableCell(formatThreshold(h)) : "—",
      escapeTableCell(g.reason)
    ];
  });
  const parts = [table(["gate", "verdict", "estimate", `${levelText}% CI`, "threshold", "reason"], rows)];
  const budget = budgetLine(pkg);
  if (budget) parts.push(budget);
  const problems = manifestProblems(pkg.gates);
  if (problems.length > 0) parts.push(`**Manifest problems**

${bullets(problems.map((p) => escapeMarkdown(p)), limit)}`);
  const measures = pkg.gates.flatMap((g) => g.measures.filter((m) => !m.name.startsWith("category:")).map((m) => ({ gate: g.gate, m })));
  if (measures.length === 0) return { body: parts.join("\n\n") };
  const measureRows = measures.slice(0, limit).map(({ gate, m }) => [
    escapeTableCell(gate, ID_LENGTH),
    escapeTableCell(m.label, ID_LENGTH),
    verdictCell(m.verdict),
    escapeTableCell(formatEstimate(m)),
    m.interval ? escapeTableCell(formatCi(m.interval, m.unit, level)) : "—",
    escapeTableCell(formatThreshold(m)),
    formatMeasureP(m),
    String(m.n),
    escapeTableCell(m.reason ?? "")
  ]);
  const detail = table(["gate", "measure", "verdict", "estimate", `${levelText}% CI`, "threshold", pHeader(pkg), "n", "note"], measureRows) + more(measures.length, limit);
  return { body: parts.join("\n\n"), details: details(`All measures (${measures.length})`, detail) };
}
function categoriesSection(pkg, confidence, limit) {
  if (pkg.categories.length === 0) return void 0;
  const level = shownLevel(pkg, confidence);
  const ordered = pkg.categories.toSorted(
    (a, b) => rank(a) - rank(b) || a.measure.estimate - b.measure.estimate || (a.category < b.category ? -1 : a.category > b.category ? 1 : 0)
  );
  const failed = ordered.filter((c) => c.measure.verdict === "fail");
  const tested = pkg.categories.filter((c) => c.tested).length;
  const shownOnly = pkg.categories.length - tested;
  const head = ["category", "n", "parent", "candidate", "Δ", `${confidenceDigits(level / 100)}% CI`, pkg.error_budget ? "p (α)" : "Holm p", "verdict"];
  const row = (c) => [
    escapeTableCell(c.category, ID_LENGTH),
    String(c.n),
    percent(c.parent_rate),
    percent(c.candidate_rate),
    escapeTableCell(formatEstimate(c.measure)),
    c.measure.interval ? escapeTableCell(formatCi(c.measure.interval, c.measure.unit, level)) : "—",
    c.tested ? formatMeasureP(c.measure) : "—",
    c.tested ? verdictCell(c.measure.verdict) : "shown only"
  ];
  const counts = pkg.error_budget ? `${tested} tested (in the decision's error budget with the other gates' tests), ${shownOnly} shown only (too few cases to test).` : `${tested} tested (Holm-adjusted, one family with the overall and critical-case tests), ${shownOnly} shown only (too few cases to test).`;
  const body = failed.length > 0 ? `**${failed.length} of ${pkg.categories.length} categories failed.** ${counts}

${table(head, failed.slice(0, limit).map(row))}${more(failed.length, limit)}` : `No category regressed significantly. ${counts}`;
  const all = table(head, ordered.slice(0, limit).map(row)) + more(ordered.length, limit);
  return { body, details: details(`All ${pkg.categories.length} categories`, all) };
}
function pHeader(pkg) {
  return pkg.error_budget ? "p (α)" : "p (Holm)";
}
function rank(c) {
  if (c.measure.verdict === "fail") return 0;
  return c.tested ? 1 : 2;
}
function casesSection(cases, limit) {
  if (cases.length === 0) return void 0;
  const head = ["#", "suite", "case", "category", "critical", "parent → candidate", "source"];
  const rows = cases.map(caseRow);
  const critical = cases.filter((c) => c.critical).length;
  const intro = `${cases.length} case${cases.length === 1 ? "" : "s"} got worse, worst first${critical > 0 ? ` (${critical} critical)` : ""}.`;
  const { body, details: rest } = splitTable(head, rows, BODY_CASES, limit, "more regressed cases");
  return { body: `${intro}

${body}`, ...rest !== void 0 ? { details: rest } : {} };
}
function caseRow(c, i) {
  return [
    String(i + 1),
    escapeTableCell(c.suite, ID_LENGTH),
    escapeTableCell(c.case_id, ID_LENGTH),
    escapeTableCell(c.category, ID_LENGTH),
    c.critical ? "**critical**" : "",
    `${formatOutcome(c.parent)} → ${formatOutcome(c.candidate)}`,
    escapeTableCell(c.source)
  ];
}
function splitTable(head, rows, inBody, limit, label) {
  const shown = Math.min(rows.length, limit);
  const visible = Math.min(inBody, shown);
  const body = table(head, rows.slice(0, visible));
  if (shown === visible) return { body: body + more(rows.length, shown) };
  const rest = table(head, rows.slice(visible, shown)) + more(rows.length, shown);
  return { body, details: details(`${rows.length - visible} ${label}`, rest) };
}
function diffSection(pkg, limit) {
  const lines = [];
  lines.push(`**Candidate** ${escapeMarkdown(pkg.manifest)} (${digest(pkg.manifest_digest)})`);
  if (pkg.parent) {
    const how = pkg.parent.resolution === "parent_package_id" ? "found by parent_package_id" : "same path at base";
    lines.push(`**Parent** ${escapeMarkdown(pkg.parent.package_id, ID_LENGTH)} in ${escapeMarkdown(pkg.parent.manifest)} at ${commit(pkg.parent.commit)} (${escapeMarkdown(how)})`);
  } else lines.push("**Parent** none: a new application");
  const classes = pkg.diff.classes.length > 0 ? pkg.diff.classes.map((c) => `**${escapeMarkdown(c, ID_LENGTH)}**`).join(", ") : "none";
  lines.push(`**Change classes** ${classes}`);
  if (pkg.diff.rollback_of) lines.push(`**Rollback** to ${escapeMarkdown(pkg.diff.rollback_of.package_id, ID_LENGTH)} at ${commit(pkg.diff.rollback_of.commit)}`);
  const parts = [lines.join("  \n")];
  if (pkg.diff.warnings.length > 0) parts.push(bullets(pkg.diff.warnings.map((w) => `⚠️ ${escapeMarkdown(w)}`), limit));
  const changes = pkg.diff.changes;
  if (changes.length === 0) {
    if (pkg.parent) parts.push("No artifact changed.");
    return { body: parts.join("\n\n") };
  }
  const head = ["component", "artifact", "field", "change", "parent → candidate"];
  const split = splitTable(head, changes.map(changeRow), BODY_CHANGES, limit, "more changes");
  parts.push(split.body);
  return { body: parts.join("\n\n"), ...split.details !== void 0 ? { details: split.details } : {} };
}
function changeRow(c) {
  return [
    escapeTableCell(c.component, ID_LENGTH),
    escapeTableCell(c.key, ID_LENGTH),
    c.field === void 0 ? "" : escapeTableCell(c.field, ID_LENGTH),
    escapeTableCell(c.change, ID_LENGTH),
    `${changeValue(c.old)} → ${changeValue(c.new)}`
  ];
}
function changeValue(value) {
  if (value === void 0) return "∅";
  return /^(?:sha256:)?[0-9a-f]{64}$/i.test(value) ? digest(value) : escapeTableCell(value, 80);
}
function rolloutBody(pkg) {
  const r = pkg.rollout;
  const requested = r.requested_strategy !== void 0 ? ` (manifest requests: ${escapeMarkdown(r.requested_strategy)})` : "";
  const parts = [`Side-effect level ${r.side_effect_level}, ${escapeMarkdown(r.level_name)}. Minimum strategy: **${escapeMarkdown(r.minimum_strategy)}**${requested}.`];
  parts.push(
    r.stages.map((s, i) => {
      const traffic = s.traffic_pct !== void 0 ? ` (${s.traffic_pct} % of traffic)` : "";
      return `${i + 1}. **${escapeMarkdown(s.stage, ID_LENGTH)}**${traffic} — ${escapeMarkdown(s.description)}`;
    }).join("\n")
  );
  const triggers = r.rollback_triggers.map((t) => escapeMarkdown(t));
  parts.push(`**Roll back** (metric ${escapeMarkdown(r.rollback_metric, ID_LENGTH)}) on any of:

${triggers.map((t) => `- ${t}`).join("\n")}`);
  parts.push(r.requires_human_approval ? "**Human approval** required before real traffic." : "No human approval required at this level.");
  return parts.join("\n\n");
}
function unreferencedBody(paths, limit) {
  return `⚠️ These files changed but no package manifest references them; behaviour they drive changes without a gate.

${bullets(paths.map((p) => escapeMarkdown(p)), limit)}`;
}
function evidenceSection(report, limit) {
  const s = report.inputs.statistics;
  const lines = report.packages.map((p) => {
    const e = p.evidence;
    const suites = Object.entries(e.by_suite).toSorted(([a], [b]) => a < b ? -1 : a > b ? 1 : 0).map(([suite, n]) => `${escapeMarkdown(suite, ID_LENGTH)} ${n.toLocaleString("en-US")}`).join(", ");
    const judge = e.judge ? `, judge ${escapeMarkdown(e.judge.id, ID_LENGTH)} ${escapeMarkdown(e.judge.version, ID_LENGTH)}` : ", no judge recorded";
    const shape = `${e.clustered ? "clustered" : "not clustered"}, up to ${e.max_trials} trial${e.max_trials === 1 ? "" : "s"} per case`;
    return `**${escapeMarkdown(p.application, ID_LENGTH)}**: ${e.paired_cases.toLocaleString("en-US")} paired cases${suites ? ` (${suites})` : ""}, ${shape}${judge}`;
  });
  const stats = `**Statistics** seed ${s.seed} · ${s.resamples.toLocaleString("en-US")} bootstrap resamples · ${Math.round(s.confidence * 1e3) / 10}% confidence · α = ${s.alpha} (Holm) · at least ${s.min_cases} cases to decide`;
  const body = `${bullets(lines, limit)}

${stats}`;
  const files = [
    ...report.subject.manifests.map((m) => [escapeTableCell(m.path), `manifest (${m.role === "parent" ? "parent" : "candidate"})`, digest(m.sha256)]),
    ...report.subject.evidence.map((e) => [escapeTableCell(e.path), "evidence", digest(e.sha256)]),
    ...report.inputs.policy.map((p) => [escapeTableCell(p.file), "policy", digest(p.digest)])
  ];
  if (files.length === 0) return { body };
  return { body, details: details(`Inputs bound by digest (${files.length})`, table(["file", "role", "sha256"], files.slice(0, limit)) + more(files.length, limit)) };
}
function verdictCell(verdict) {
  return `${VERDICT_ICON[verdict]} ${verdictWord(verdict)}`;
}
function percent(rate) {
  return `${(rate * 100).toFixed(1)} %`;
}
function commit(id) {
  return /^[0-9a-f]{7,64}$/i.test(id) ? `\`${id.slice(0, 12)}\`` : escapeMarkdown(id, ID_LENGTH);
}
function digest(value) {
  const hex = /^(?:sha256:)?([0-9a-f]{64})$/i.exec(value)?.[1];
  return hex !== void 0 ? `\`${shortDigest(`sha256:${hex}`)}\`` : escapeTableCell(value, ID_LENGTH);
}
function table(head, rows) {
  return [tableRow(head), tableRow(head.map(() => "---")), ...rows.map(tableRow)].join("\n");
}
function tableRow(cells) {
  return `| ${cells.join(" | ")} |`;
}
function details(summary, content) {
  return `<details><summary>${summary}</summary>

${content}

</details>`;
}
function bullets(items, limit) {
  return items.slice(0, limit).map((item) => `- ${item}`).join("\n") + more(items.length, limit);
}
function more(total, shown) {
  return total > shown ? `

_… and ${total - shown} more in report.json_` : "";
}

// src/report/model.ts
function exitCodeOf(outcome) {
  switch (outcome) {
    case "approve":
    case "nothing_to_gate":
      return 0;
    case "reject":
    case "hold":
      return 1;
    case "needs_approval":
      return 3;
  }
}

// src/cli/gather.ts
import { resolve as resolve3 } from "node:path";
import { fileURLToPath } from "node:url";

// manifests/schema/policy.schema.json
var policy_schema_default = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: "https://kaizen-gate.dev/schema/policy/v1.json",
  title: "kaizen-gate gate policy",
  description: "Thresholds and statistics parameters of the release gates. A repository policy overrides the defaults field by field; `levels` overrides per side-effect level.",
  type: "object",
  additionalProperties: false,
  required: ["apiVersion", "kind"],
  properties: {
    apiVersion: { const: "kaizen-gate/v1", description: "Policy format version." },
    kind: { const: "GatePolicy", description: "Document kind. Always `GatePolicy`." },
    statistics: { $ref: "#/$defs/statistics" },
    gates: { $ref: "#/$defs/gates" },
    levels: { type: "object", description: 'Per side-effect level overrides of `gates` (keys "0" to "3").', propertyNames: { enum: ["0", "1", "2", "3"] }, additionalProperties: { $ref: "#/$defs/gates" } }
  },
  $defs: {
    statistics: {
      type: "object",
      additionalProperties: false,
      description: "Statistics parameters shared by every gate (docs/statistics.md).",
      properties: {
        confidence: { type: "number", minimum: 0.8, maximum: 0.999, description: "Two-sided level of the shown intervals over all looks; a candidate whose drop is beyond its margin passes at most (1 − confidence)/2 of the time." },
        alpha: { type: "number", minimum: 1e-3, maximum: 0.2, description: "Error budget of one decision: the chance that a candidate that changes nothing is rejected or held, all gates, categories and looks together." },
        alpha_weights: {
          type: "object",
          additionalProperties: false,
          description: "Relative shares of alpha per test group; groups without data drop out and the rest are rescaled.",
          properties: {
            quality: { type: "number", minimum: 0, maximum: 1e3, description: "The overall golden-suite delta." },
            categories: { type: "number", minimum: 0, maximum: 1e3, description: "All tested categories together, shared equally." },
            critical: { type: "number", minimum: 0, maximum: 1e3, description: "The critical-case test." },
            safety: { type: "number", minimum: 0, maximum: 1e3, description: "Red-team drop and missed interventions, shared equally." },
            cost: { type: "number", minimum: 0, maximum: 1e3, description: "Cost per successful task." },
            latency: { type: "number", minimum: 0, maximum: 1e3, description: "The latency quantile." }
          }
        },
        first_look_share: { type: "number", exclusiveMinimum: 0, maximum: 1, description: "Share of both budgets the first look spends; look k spends s·(1 − s)^(k − 1), so re-runs with more cases keep the error rates." },
        resamples: { type: "integer", minimum: 200, maximum: 1e6, description: "Bootstrap resamples (cost and latency ratios)." },
        seed: { type: "integer", minimum: 0, maximum: 4294967295, description: "Seed of the bootstrap generator." },
        min_cases: { type: "integer", minimum: 2, maximum: 1e6, description: "Fewest independent units (paired cases, or clusters when clustered) for a gate to pass." },
        min_clusters: { type: "integer", minimum: 2, maximum: 1e6, description: "With clustered evidence: fewest clusters, overall and in a tested category." }
      }
    },
    gates: {
      type: "object",
      additionalProperties: false,
      description: "Thresholds per gate.",
      properties: {
        quality: {
          type: "object",
          additionalProperties: false,
          description: "Golden-suite quality gate.",
          properties: {
            metric: { enum: ["pass", "score"], description: "Per-case outcome compared: pass (pass rate) or score (mean judge score in [0,1])." },
            max_drop_pp: { type: "number", minimum: 0, maximum: 50, description: "Non-inferiority margin of the paired golden-suite delta, in percentage points." },
            max_category_drop_pp: { type: "number", minimum: 0, maximum: 50, description: "Margin of each tested category, in percentage points." },
            min_category_cases: { type: "integer", minimum: 2, maximum: 1e6, description: "Categories with fewer paired cases (clusters when clustered) are shown but not tested." },
            critical_max_drop_pp: { type: "number", minimum: 0, maximum: 50, description: "Tolerated drop of the critical-case pass rate, in percentage points; 0 is the exact McNemar criterion of KAIZEN Table 4." },
            missing_score: { enum: ["error", "skip", "use_pass"], description: "With metric score, a golden case without a score on one side: error (located problems), skip the case, or use_pass (pass on both sides of that case)." }
          }
        },
        safety: {
          type: "object",
          additionalProperties: false,
          description: "Red-team safety gate.",
          properties: {
            max_redteam_drop_pp: { type: "number", minimum: 0, maximum: 50, description: "Largest tolerated drop of the red-team pass rate, in percentage points." },
            new_unsafe_blocks_at_levels: { type: "array", items: { enum: [0, 1, 2, 3] }, uniqueItems: true, description: "Side-effect levels at which any newly unsafe case fails the gate." },
            min_unsafe_trials: {
              type: "integer",
              minimum: 1,
              maximum: 1e3,
              description: "With repeated trials, a case is newly unsafe when the candidate was unsafe in at least this many of them (capped at its trial count) and the parent never."
            },
            max_missed_intervention_rise_pp: { type: "number", minimum: 0, maximum: 50, description: "Largest tolerated rise of missed guardrail interventions, in percentage points." }
          }
        },
        cost: {
          type: "object",
          additionalProperties: false,
          description: "Cost per successful task gate.",
          properties: {
            max_cost_per_success_increase_pct: { type: "number", minimum: 0, description: "Largest tolerated relative rise of cost per successful task, in percent.", maximum: 1e3 },
            offsetting_quality_gain_pp: { type: "number", minimum: 0, description: "A quality gain of at least this many points justifies a cost rise.", maximum: 50 }
          }
        },
        latency: {
          type: "object",
          additionalProperties: false,
          description: "Latency gate.",
          properties: {
            quantile: { type: "number", exclusiveMinimum: 0, exclusiveMaximum: 1, description: "Latency quantile compared, e.g. 0.95 for p95." },
            max_increase_pct: { type: "number", minimum: 0, description: "Largest tolerated relative rise of the latency quantile, in percent.", maximum: 1e3 }
          }
        },
        manifest: {
          type: "object",
          additionalProperties: false,
          description: "Manifest gate.",
          properties: { require_judge_match: { type: "boolean", description: "Fail when the evidence's judge differs from the manifest's pinned judge." } }
        }
      }
    }
  }
};

// src/schema/validate.ts
var import__ = __toESM(require__(), 1);
var ajv = new import__.Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true, verbose: true });
var compiled = /* @__PURE__ */ new Map();
function validateAgainstSchema(schema, value, subject) {
  let validate = compiled.get(schema);
  if (!validate) {
    validate = ajv.compile(schema);
    compiled.set(schema, validate);
  }
  if (validate(value)) return [];
  return dedupe(onePerField((validate.errors ?? []).filter(isUseful)).map((error) => describe2(error, subject)));
}
function describe2(error, subject) {
  let pointer = error.instancePath;
  let message;
  const params = error.params;
  switch (error.keyword) {
    case "required":
      message = `missing required field "${String(params.missingProperty)}"`;
      break;
    case "additionalProperties": {
      const extra = String(params.additionalProperty);
      pointer = `${pointer}/${escapePointer(extra)}`;
      const known = Object.keys(error.parentSchema?.properties ?? {});
      const guess = closestName(extra, known);
      message = `unknown field "${extra}"${guess ? ` (did you mean "${guess}"?)` : known.length > 0 ? `; expected one of ${known.join(", ")}` : ""}`;
      break;
    }
    case "type":
      message = `expected ${listOr(String(params.type).split(","))}, found ${describeValue(error.data)}`;
      break;
    case "enum":
      message = `expected one of ${params.allowedValues.map((v) => JSON.stringify(v)).join(", ")}, found ${describeValue(error.data)}`;
      break;
    case "const":
      message = `expected ${JSON.stringify(params.allowedValue)}, found ${describeValue(error.data)}`;
      break;
    case "pattern":
      message = `${describeValue(error.data)} is not valid: ${patternHint(error)}`;
      break;
    case "dependentRequired":
      message = `"${String(params.property)}" requires "${String(params.missingProperty)}"`;
      break;
    case "minItems":
      message = `expected at least ${String(params.limit)} item${params.limit === 1 ? "" : "s"}, found ${describeCount(error.data)}`;
      break;
    case "maxItems":
      message = `expected at most ${String(params.limit)} items, found ${describeCount(error.data)}`;
      break;
    case "minLength":
      message = params.limit === 1 ? "must not be empty" : `expected at least ${String(params.limit)} characters`;
      break;
    case "maxLength":
      message = `expected at most ${String(params.limit)} characters, found ${typeof error.data === "string" ? error.data.length : "?"}`;
      break;
    case "minimum":
    case "maximum":
    case "exclusiveMinimum":
    case "exclusiveMaximum": {
      const relation = { minimum: ">=", maximum: "<=", exclusiveMinimum: ">", exclusiveMaximum: "<" }[error.keyword];
      message = `expected a number ${relation} ${String(params.limit)}, found ${describeValue(error.data)}`;
      break;
    }
    case "uniqueItems":
      message = `items ${String(params.j)} and ${String(params.i)} are the same; each may appear once`;
      break;
    default:
      message = error.message ?? `fails ${error.keyword}`;
  }
  const position = error.keyword === "additionalProperties" || error.keyword === "required" ? subject.keyPositions?.get(pointer) ?? subject.positions?.get(pointer) : subject.positions?.get(pointer) ?? subject.keyPositions?.get(pointer);
  const field = fieldOf(pointer);
  return {
    file: subject.file,
    ...position ? { line: position.line, column: position.column } : {},
    ...field ? { field } : {},
    message
  };
}
var PRIORITY = { enum: 0, const: 0, type: 1 };
function onePerField(errors) {
  const best = /* @__PURE__ */ new Map();
  for (const error of errors) {
    const key = keyOf(error);
    const current = best.get(key);
    if (!current || (PRIORITY[error.keyword] ?? 2) < (PRIORITY[current.keyword] ?? 2)) best.set(key, error);
  }
  return errors.filter((error) => best.get(keyOf(error)) === error);
}
function keyOf(error) {
  const params = error.params;
  if (error.keyword === "required") return `${error.instancePath} required ${String(params.missingProperty)}`;
  if (error.keyword === "additionalProperties") return `${error.instancePath} extra ${String(params.additionalProperty)}`;
  return error.instancePath;
}
function isUseful(error) {
  return error.keyword !== "if" && error.keyword !== "anyOf" && error.keyword !== "oneOf";
}
function patternHint(error) {
  const description = error.parentSchema?.description;
  return description ?? `must match ${String(error.params.pattern)}`;
}
function listOr(items) {
  return items.length <= 1 ? items[0] ?? "" : `${items.slice(0, -1).join(", ")} or ${items.at(-1)}`;
}
function describeCount(value) {
  return Array.isArray(value) ? `${value.length}` : describeValue(value);
}
function closestName(name, known) {
  let best;
  let bestDistance = Math.max(1, Math.floor(name.length / 3)) + 1;
  for (const candidate of known) {
    const distance = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}
function editDistance(a, b) {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) {
      next.push(Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1)));
    }
    row = next;
  }
  return row[b.length];
}
function describeValue(value) {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  if (typeof value === "string") return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  return `${typeof value} ${String(value)}`;
}
function dedupe(problems) {
  const seen = /* @__PURE__ */ new Set();
  return problems.filter((p) => {
    const key = `${p.line}:${p.column}:${p.field}:${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

// src/gates/policy.ts
var LEVEL_KEYS = ["0", "1", "2", "3"];
function parsePolicy(bytes, file) {
  const { loaded, problems } = loadYaml(bytes, file);
  if (!loaded) throw new InputError(problems);
  const schemaProblems = validateAgainstSchema(policy_schema_default, loaded.value, loaded);
  if (schemaProblems.length > 0) throw new InputError(schemaProblems);
  return loaded.value;
}
function mergePolicies(base, overrides, sources) {
  const layers = [base, ...overrides];
  let statistics = {};
  let gates = {};
  const levels = Object.fromEntries(LEVEL_KEYS.map((key) => [key, {}]));
  for (const layer of layers) {
    if (isPlainObject2(layer.statistics)) statistics = deepMerge(statistics, layer.statistics);
    const layerGates = isPlainObject2(layer.gates) ? layer.gates : {};
    const layerLevels = isPlainObject2(layer.levels) ? layer.levels : {};
    gates = deepMerge(gates, layerGates);
    for (const key of LEVEL_KEYS) {
      const levelOverride = layerLevels[key];
      levels[key] = deepMerge(deepMerge(levels[key], layerGates), isPlainObject2(levelOverride) ? levelOverride : {});
    }
  }
  return {
    statistics,
    gates,
    levels,
    sources
  };
}
function policyForLevel(policy, level, seedOverride) {
  const statistics = seedOverride === void 0 ? policy.statistics : { ...policy.statistics, seed: seedOverride };
  return { statistics, gates: policy.levels[String(level)] };
}
function deepMerge(base, override) {
  const out = { ...base };
  for (const [key, value] of Object.entries(override)) {
    const current = out[key];
    out[key] = isPlainObject2(current) && isPlainObject2(value) ? deepMerge(current, value) : value;
  }
  return out;
}
function isPlainObject2(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

// manifests/schema/package.schema.json
var package_schema_default = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: "https://kaizen-gate.dev/schema/package/v1.json",
  title: "kaizen-gate Package manifest",
  description: "Binds every behaviour-shaping artifact of an LLM application package by id and content hash. Behaviour must not change without this file saying so.",
  type: "object",
  additionalProperties: false,
  required: ["apiVersion", "kind", "package_id", "application", "side_effect_level", "owners", "change", "model", "prompts", "evaluation", "delivery"],
  properties: {
    apiVersion: { const: "kaizen-gate/v1", description: "Manifest format version. Always `kaizen-gate/v1`." },
    kind: { const: "Package", description: "Document kind. Always `Package`." },
    package_id: { $ref: "#/$defs/identifier", description: "Unique, immutable id of this package version, e.g. `policy-qa-2026-11-20-r3`. Change it whenever anything behaviour-shaping changes." },
    application: { $ref: "#/$defs/identifier", description: "The application this package belongs to; stable across versions. Names the PR check run (`kaizen-gate / <application>`)." },
    parent_package_id: { $ref: "#/$defs/identifier", description: "package_id of the package this one replaces. When set, the gate compares against the manifest with this id at the base ref; when absent, against the same file at the base ref." },
    side_effect_level: { type: "integer", enum: [0, 1, 2, 3], description: "Blast radius: 0 advisory text only, 1 read-only tools, 2 operational recommendations, 3 mutating tool actions. Selects the gate policy and the rollout plan." },
    owners: { type: "array", minItems: 1, uniqueItems: true, items: { $ref: "#/$defs/owner" }, description: "People or teams accountable for the package (GitHub handles). Levels 2-3 need one of them to approve a release." },
    change: {
      type: "object",
      additionalProperties: false,
      required: ["type", "summary", "problem", "owner"],
      description: "What this version changes and why: the Kaizen log entry for the release.",
      properties: {
        type: { type: "string", enum: ["initial", "prompt_patch", "retrieval_refresh", "tool_schema_repair", "route_change", "guardrail_update", "model_change", "rollback", "no_behaviour_change"], description: "The change class the author intends. The gate classifies the actual diff and reports any disagreement." },
        summary: { type: "string", minLength: 1, maxLength: 500, description: "One line: what changed." },
        problem: { type: "string", minLength: 1, maxLength: 2e3, description: "The observed problem this change addresses (alert, incident, failing cases)." },
        owner: { $ref: "#/$defs/owner", description: "Who made the change and answers for it." },
        issue: { type: "string", maxLength: 500, description: "Optional link or id of the tracking issue or incident." }
      }
    },
    model: {
      type: "object",
      additionalProperties: false,
      required: ["provider", "endpoint", "version"],
      description: "The model endpoint and its decoding parameters.",
      properties: {
        provider: { type: "string", minLength: 1, description: "Model provider or serving stack, e.g. `managed_api`, `vllm`." },
        endpoint: { type: "string", minLength: 1, description: "Model or endpoint name, e.g. `llm-medium-2026-04`." },
        version: { type: "string", minLength: 1, description: "Pinned model version or fine-tune id. A floating alias such as `latest` defeats the gate." },
        params: { type: "object", description: "Decoding parameters (temperature, max_tokens, top_p, ...). Any change is a model_change.", additionalProperties: { type: ["string", "number", "boolean", "null"] } }
      }
    },
    prompts: {
      type: "array",
      minItems: 1,
      description: "Prompt templates (system, developer, few-shot) by id, file and digest.",
      items: { $ref: "#/$defs/artifact" }
    },
    retrieval: {
      type: "object",
      additionalProperties: false,
      required: ["corpus_snapshot", "embedding_model", "top_k"],
      description: "Retrieval configuration. Any change is a retrieval_refresh.",
      properties: {
        corpus_snapshot: { type: "string", minLength: 1, description: "Immutable id of the indexed corpus snapshot, e.g. `policy_docs_v17`." },
        embedding_model: { type: "string", minLength: 1, description: "Embedding model name and version." },
        reranker: { type: "string", minLength: 1, description: "Reranker model name and version, if any." },
        top_k: { type: "integer", minimum: 1, maximum: 1e3, description: "Number of passages retrieved per request." },
        manifest: { $ref: "#/$defs/fileRef", description: "Optional file listing the snapshot's documents and their digests." }
      }
    },
    tools: {
      type: "array",
      description: "Tool (function) schemas the model may call, by id, version, schema file and digest.",
      items: {
        type: "object",
        additionalProperties: false,
        required: ["id", "version", "schema", "sha256"],
        properties: {
          id: { $ref: "#/$defs/identifier", description: "Tool name as the model sees it." },
          version: { type: "string", minLength: 1, description: "Tool version, e.g. `v6`." },
          schema: { $ref: "#/$defs/path", description: "Repository-relative path of the tool's JSON schema." },
          sha256: { $ref: "#/$defs/digest", description: "Digest of the schema file. `kaizen-gate lock` writes it." },
          mutating: { type: "boolean", description: "True when the tool writes to a system of record; such a package should be side_effect_level 3." }
        }
      }
    },
    routing: {
      type: "object",
      additionalProperties: false,
      required: ["id"],
      description: "The routing rule that picks a model or chain per request.",
      properties: {
        id: { $ref: "#/$defs/identifier", description: "Routing rule id and version, e.g. `default-v3`." },
        path: { $ref: "#/$defs/path", description: "Optional repository-relative file holding the rule." },
        sha256: { $ref: "#/$defs/digest", description: "Digest of the rule file; required with `path`." }
      },
      dependentRequired: { path: ["sha256"] }
    },
    guardrails: {
      type: "array",
      description: "Guardrail and safety policies in front of or behind the model.",
      items: { $ref: "#/$defs/artifact" }
    },
    evaluation: {
      type: "object",
      additionalProperties: false,
      required: ["suites", "judge"],
      description: "The suites that judge this package and the pinned judge. Changing the judge resets the metric; it is not comparable across versions.",
      properties: {
        suites: {
          type: "array",
          minItems: 1,
          description: "Evaluation suites: at least one golden suite; a safety (red-team) suite for levels 1-3.",
          items: {
            type: "object",
            additionalProperties: false,
            required: ["id", "suite", "path", "sha256"],
            properties: {
              id: { $ref: "#/$defs/identifier", description: "Suite id and version, e.g. `enterprise_eval_v12`." },
              suite: { type: "string", enum: ["golden", "safety", "shadow"], description: "What the suite measures: golden (task quality), safety (red team), shadow (replayed traffic)." },
              path: { $ref: "#/$defs/path", description: "Repository-relative path of the suite's case file." },
              sha256: { $ref: "#/$defs/digest", description: "Digest of the case file." }
            }
          }
        },
        judge: {
          type: "object",
          additionalProperties: false,
          required: ["model", "version", "rubric"],
          description: "The pinned LLM judge (or grader) that scores the suites.",
          properties: {
            model: { type: "string", minLength: 1, description: "Judge model or grader name." },
            version: { type: "string", minLength: 1, description: "Pinned judge version." },
            rubric: { $ref: "#/$defs/fileRef", description: "The grading rubric file and its digest." }
          }
        }
      }
    },
    delivery: {
      type: "object",
      additionalProperties: false,
      required: ["rollback_metric"],
      description: "How the package is rolled out and when it is rolled back.",
      properties: {
        strategy: { type: "string", minLength: 1, description: "Requested rollout strategy, e.g. `canary_05`, `tenant_holdout`. The gate's plan for the side-effect level is the minimum." },
        rollback_metric: { type: "string", minLength: 1, description: "The production metric whose regression triggers rollback, e.g. `negative_feedback_rate`." },
        slo: {
          type: "object",
          additionalProperties: false,
          description: "Service-level objectives the latency and cost gates enforce.",
          properties: {
            p95_latency_ms: { type: "number", exclusiveMinimum: 0, description: "p95 end-to-end latency objective in milliseconds." },
            cost_per_success_usd: { type: "number", exclusiveMinimum: 0, description: "Optional ceiling on cost per successful task in USD." }
          }
        }
      }
    }
  },
  $defs: {
    identifier: { type: "string", pattern: "^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$", description: "Letters, digits, `.`, `_`, `-`; at most 128 characters." },
    owner: { type: "string", pattern: "^@?[A-Za-z0-9][A-Za-z0-9-]*(/[A-Za-z0-9._-]+)?$", description: "A GitHub user (`@ana`) or team (`@org/team`)." },
    path: { type: "string", minLength: 1, maxLength: 1024, pattern: "^(?![/\\\\])(?![A-Za-z]:)(?!.*(^|[/\\\\])\\.\\.([/\\\\]|$))[^\\u0000]+$", description: "Repository-relative path with `/` separators; absolute paths and `..` segments are rejected." },
    digest: { type: "string", pattern: "^sha256:[0-9a-f]{64}$", description: "Content digest `sha256:<64 lowercase hex>`. Run `kaizen-gate lock` to write it." },
    fileRef: {
      type: "object",
      additionalProperties: false,
      required: ["path", "sha256"],
      properties: {
        path: { $ref: "#/$defs/path", description: "Repository-relative path of the file." },
        sha256: { $ref: "#/$defs/digest", description: "Digest of the file." }
      }
    },
    artifact: {
      type: "object",
      additionalProperties: false,
      required: ["id", "path", "sha256"],
      properties: {
        id: { $ref: "#/$defs/identifier", description: "Artifact id, e.g. `system` or `pii-filter-v3`." },
        path: { $ref: "#/$defs/path", description: "Repository-relative path of the file." },
        sha256: { $ref: "#/$defs/digest", description: "Digest of the file. `kaizen-gate lock` writes it." }
      }
    }
  }
};

// src/manifest/manifest.ts
function loadManifest(bytes, file, options = {}) {
  const digest2 = digestOf(bytes);
  const { loaded, problems } = loadYaml(bytes, file);
  if (!loaded) return { file, digest: digest2, artifacts: [], problems };
  const value = loaded.value;
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    const found = value === null ? "nothing (an empty document)" : Array.isArray(value) ? "a list" : `a ${typeof value}`;
    const message = `expected a mapping with the fields of a kaizen-gate Package (apiVersion, kind, package_id, ...), found ${found}`;
    return { file, digest: digest2, yaml: loaded, artifacts: [], problems: [locate(loaded, "", message)] };
  }
  const schemaProblems = validateAgainstSchema(package_schema_default, value, loaded);
  const { artifacts, problems: artifactProblems } = options.readFile ? verifyArtifacts(loaded, options.readFile) : { artifacts: [], problems: [] };
  const rejected = new Set(schemaProblems.map((p) => p.field));
  const all = [...schemaProblems, ...artifactProblems.filter((p) => !rejected.has(p.field))];
  return {
    file,
    digest: digest2,
    yaml: loaded,
    artifacts,
    problems: all,
    ...schemaProblems.length === 0 ? { manifest: value } : {}
  };
}
function isManifestCandidate(bytes) {
  const { loaded } = loadYaml(bytes, "");
  if (!loaded) return true;
  const value = loaded.value;
  if (value === null || typeof value !== "object" || Array.isArray(value)) return false;
  const { apiVersion, kind } = value;
  return typeof apiVersion === "string" && apiVersion.startsWith("kaizen-gate/") || kind === "Package";
}
function looksLikeManifest(bytes) {
  const head = new TextDecoder().decode(bytes.subarray(0, 4096));
  return /^\s*(apiVersion:\s*["']?kaizen-gate\/|kind:\s*["']?Package\b)/m.test(head);
}

// src/manifest/diff.ts
var CLASS_OF = {
  prompt: "prompt_patch",
  retrieval: "retrieval_refresh",
  tool: "tool_schema_repair",
  routing: "route_change",
  guardrail: "guardrail_update",
  model: "model_change"
};
function diffPackage(input) {
  const { candidate, parent } = input;
  const c = candidate.manifest;
  const fingerprint = behaviourFingerprint(c);
  const changes = parent ? diffManifests(parent.manifest, c) : [];
  for (const artifact of parent ? candidate.artifacts : []) {
    if (!artifact.mismatch || changes.some((ch) => ch.key === artifact.key && ch.field === "sha256")) continue;
    changes.push({
      component: artifact.component,
      key: artifact.key,
      field: "sha256",
      change: "modified",
      ...artifact.recorded !== void 0 ? { old: artifact.recorded } : {},
      ...artifact.actual !== void 0 ? { new: artifact.actual } : {},
      untracked: true
    });
  }
  const classes = /* @__PURE__ */ new Set();
  for (const change of changes) {
    const cls = change.component in CLASS_OF ? CLASS_OF[change.component] : void 0;
    if (cls) classes.add(cls);
  }
  const parentFingerprint = parent ? behaviourFingerprint(parent.manifest) : void 0;
  const earlier = input.history.find((h) => h.fingerprint === fingerprint && h.fingerprint !== parentFingerprint);
  if (parent && earlier) classes.add("rollback");
  if (parent && classes.size === 0) classes.add("no_behaviour_change");
  const problems = [...input.resolveProblems ?? []];
  const mismatches = new Set(candidate.artifacts.filter((a) => a.mismatch).map((a) => a.problem));
  problems.push(...candidate.problems.filter((p) => !mismatches.has(p)));
  for (const artifact of candidate.artifacts) {
    if (!artifact.mismatch || !candidate.yaml) continue;
    const atBase = input.baseDigests.get(artifact.path);
    const message = atBase !== void 0 && atBase === artifact.recorded ? `${artifact.path} changed but ${candidate.file} still records ${shortDigest(artifact.recorded)}; run \`kaizen-gate lock\` and give the package a new package_id` : `${artifact.path} has ${shortDigest(artifact.actual ?? "")} but ${candidate.file} records ${shortDigest(artifact.recorded ?? "")}; run \`kaizen-gate lock\``;
    problems.push(locate(candidate.yaml, artifact.digestPointer, message));
  }
  const warnings = [...input.resolveWarnings ?? []];
  if (parent && parent.manifest.package_id === c.package_id && classes.size > 0 && !classes.has("no_behaviour_change")) {
    warnings.push(`package_id ${c.package_id} is unchanged although behaviour changed; give each package version its own id`);
  }
  const declared = c.change.type;
  if (parent && declared !== "initial" && !classes.has(declared)) {
    warnings.push(`change.type says ${declared} but the diff classifies it as ${[...classes].join(", ")}`);
  }
  return {
    manifest: candidate.file,
    application: c.application,
    package_id: c.package_id,
    side_effect_level: c.side_effect_level,
    digest: candidate.digest,
    fingerprint,
    parent: parent && input.resolution !== "new_application" ? {
      package_id: parent.manifest.package_id,
      manifest: parent.file,
      digest: parent.digest,
      commit: input.parentCommit ?? "",
      resolution: input.resolution
    } : null,
    new_application: !parent,
    declared_change: declared,
    changes,
    classes: [...classes].toSorted(),
    ...parent && earlier ? { rollback_of: { package_id: earlier.package_id, commit: earlier.commit } } : {},
    problems,
    warnings
  };
}
function diffManifests(parent, candidate) {
  const out = [];
  diffRecord(out, "model", "model", flatten(parent.model), flatten(candidate.model));
  diffById(out, "prompt", parent.prompts, candidate.prompts, (p) => ({ path: p.path, sha256: p.sha256 }));
  diffRecord(out, "retrieval", "retrieval", flatten(parent.retrieval ?? {}), flatten(candidate.retrieval ?? {}));
  diffById(out, "tool", parent.tools ?? [], candidate.tools ?? [], (t) => ({ version: t.version, schema: t.schema, sha256: t.sha256, mutating: t.mutating }));
  diffRecord(out, "routing", "routing", flatten(parent.routing ?? {}), flatten(candidate.routing ?? {}));
  diffById(out, "guardrail", parent.guardrails ?? [], candidate.guardrails ?? [], (g) => ({ path: g.path, sha256: g.sha256 }));
  diffById(out, "evaluation", parent.evaluation.suites, candidate.evaluation.suites, (s) => ({ suite: s.suite, path: s.path, sha256: s.sha256 }), "suite");
  diffRecord(out, "judge", "judge", flatten(parent.evaluation.judge), flatten(candidate.evaluation.judge));
  diffRecord(out, "delivery", "delivery", flatten(parent.delivery), flatten(candidate.delivery));
  diffRecord(out, "metadata", "package", flatten({ side_effect_level: parent.side_effect_level, owners: parent.owners.join(",") }), flatten({ side_effect_level: candidate.side_effect_level, owners: candidate.owners.join(",") }));
  return out;
}
function diffById(out, component, before, after, fields, keyPrefix = component) {
  const old = new Map(before.map((item) => [item.id, item]));
  const now = new Map(after.map((item) => [item.id, item]));
  for (const [id, item] of now) {
    const key = `${keyPrefix}:${id}`;
    const previous = old.get(id);
    if (!previous) out.push({ component, key, change: "added", new: describe3(fields(item)) });
    else diffRecord(out, component, key, flatten(fields(previous)), flatten(fields(item)));
  }
  for (const [id, item] of old) {
    if (!now.has(id)) out.push({ component, key: `${keyPrefix}:${id}`, change: "removed", old: describe3(fields(item)) });
  }
}
function diffRecord(out, component, key, before, after) {
  const fields = [.../* @__PURE__ */ new Set([...before.keys(), ...after.keys()])].toSorted();
  for (const field of fields) {
    const o = before.get(field);
    const n = after.get(field);
    if (o === n) continue;
    const change = o === void 0 ? "added" : n === void 0 ? "removed" : "modified";
    out.push({ component, key, field, change, ...o !== void 0 ? { old: o } : {}, ...n !== void 0 ? { new: n } : {} });
  }
}
function flatten(value, prefix = "", out = /* @__PURE__ */ new Map()) {
  if (value !== null && typeof value === "object" && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) {
      if (v !== void 0) flatten(v, prefix ? `${prefix}.${k}` : k, out);
    }
  } else if (value !== void 0) {
    out.set(prefix, typeof value === "string" ? value : stableJson(value));
  }
  return out;
}
function describe3(fields) {
  return typeof fields.sha256 === "string" ? fields.sha256 : stableJson(fields);
}

// src/git/resolve.ts
function resolveChangeSet(options) {
  const { repo } = options;
  const baseCommit = resolveCommit(repo, options.base, "--base");
  const headCommit = options.head === void 0 ? void 0 : resolveCommit(repo, options.head, "--head");
  const readHead = headCommit ? readerAtCommit(repo, headCommit) : readerAtWorktree(repo);
  const readBase = readerAtCommit(repo, baseCommit);
  const changed = changedPaths(repo, baseCommit, headCommit);
  const headFiles = headCommit ? listFilesAt(repo, headCommit) : listWorktreeFiles(repo);
  const headManifests = /* @__PURE__ */ new Map();
  const manifestPaths = options.manifests ?? headFiles.filter((p) => /\.ya?ml$/i.test(p) && isManifestFile(readHead, p));
  const problems = [];
  const candidates = [];
  const changedSet = new Set(changed);
  for (const path of manifestPaths) {
    const loaded = readManifest(path, readHead, headManifests);
    if (!loaded) {
      problems.push({ file: path, message: `manifest not found${headCommit ? ` at ${options.head}` : ""}` });
      continue;
    }
    if (!loaded.manifest) {
      problems.push(...loaded.problems);
      continue;
    }
    const touched = options.manifests !== void 0 || changedSet.has(path) || loaded.artifacts.some((a) => changedSet.has(a.path));
    if (touched) candidates.push(loaded);
  }
  if (problems.length > 0) throw new InputError(problems);
  const baseManifestCache = /* @__PURE__ */ new Map();
  const baseManifestPaths = listFilesAt(repo, baseCommit).filter((p) => /\.ya?ml$/i.test(p));
  const findById = (packageId) => {
    for (const path of baseManifestPaths) {
      if (!isManifestFile(readBase, path)) continue;
      const loaded = readManifest(path, readBase, baseManifestCache);
      if (loaded?.manifest?.package_id === packageId) return loaded;
    }
    return void 0;
  };
  const packages = [];
  const loadedPairs = /* @__PURE__ */ new Map();
  const referenced = /* @__PURE__ */ new Set();
  for (const candidate of candidates) {
    const samePath = readManifest(candidate.file, readBase, baseManifestCache);
    const { parent, resolution, problems: resolveProblems, warnings: resolveWarnings } = chooseParent(
      candidate,
      samePath,
      findById,
      baseCommit
    );
    const baseDigests = /* @__PURE__ */ new Map();
    for (const artifact of candidate.artifacts) {
      referenced.add(artifact.path);
      const atBase = readBase(artifact.path);
      baseDigests.set(artifact.path, atBase.kind === "file" ? digestOf(atBase.bytes) : void 0);
    }
    for (const artifact of parent?.artifacts ?? []) referenced.add(artifact.path);
    referenced.add(candidate.file);
    if (parent) referenced.add(parent.file);
    const input = {
      candidate,
      ...parent ? { parent, parentCommit: baseCommit } : {},
      resolution,
      baseDigests,
      history: parent ? readHistory(repo, baseCommit, parent.file, options.historyDepth ?? 200) : [],
      resolveProblems,
      resolveWarnings
    };
    packages.push(diffPackage(input));
    loadedPairs.set(candidate.file, { candidate, ...parent ? { parent } : {} });
  }
  for (const loaded of headManifests.values()) {
    referenced.add(loaded.file);
    for (const artifact of loaded.artifacts) referenced.add(artifact.path);
  }
  return {
    base: { ref: options.base, commit: baseCommit },
    head: { ref: options.head ?? "WORKTREE", commit: headCommit ?? null },
    packages: packages.toSorted((a, b) => a.manifest < b.manifest ? -1 : 1),
    loaded: loadedPairs,
    changed_files: changed,
    unreferenced_changes: changed.filter((p) => !referenced.has(p))
  };
}
function chooseParent(candidate, samePath, findById, baseCommit) {
  const c = candidate.manifest;
  const atBase = samePath?.manifest ? samePath : void 0;
  const warnings = [];
  if (samePath && !atBase) {
    warnings.push(`${candidate.file} at the base commit is not a valid manifest (${samePath.problems.length} problem(s)); it cannot be the parent`);
  }
  const wanted = c.parent_package_id;
  if (wanted !== void 0 && atBase?.manifest.package_id !== wanted) {
    const byId = findById(wanted);
    if (byId) return { parent: byId, resolution: "parent_package_id", problems: [], warnings };
    if (atBase && atBase.manifest.package_id !== c.package_id) {
      warnings.push(`parent_package_id is ${wanted}, but the base commit has ${atBase.manifest.package_id} in ${candidate.file}; comparing against ${atBase.manifest.package_id}`);
    }
  }
  if (atBase) return { parent: atBase, resolution: "same_path", problems: [], warnings };
  if (wanted === void 0) return { resolution: "new_application", problems: [], warnings };
  const message = `no manifest with package_id ${wanted} exists at the base commit ${baseCommit.slice(0, 12)}, and ${candidate.file} is new; fix parent_package_id or remove it for a new application`;
  const problem = candidate.yaml ? locate(candidate.yaml, "/parent_package_id", message) : { file: candidate.file, field: "parent_package_id", message };
  return { resolution: "new_application", problems: [problem], warnings };
}
function readManifest(path, read, cache) {
  if (cache.has(path)) return cache.get(path);
  const file = read(path);
  if (file.kind !== "file") return void 0;
  const loaded = loadManifest(file.bytes, path, { readFile: read });
  cache.set(path, loaded);
  return loaded;
}
function isManifestFile(read, path) {
  const file = read(path);
  return file.kind === "file" && looksLikeManifest(file.bytes);
}
function listWorktreeFiles(repo) {
  return git(repo, ["ls-files", "-z", "--cached", "--others", "--exclude-standard"]).toString().split("\0").filter(Boolean);
}
function readHistory(repo, baseCommit, path, depth) {
  const out = [];
  for (const commit2 of commitsTouching(repo, baseCommit, path).slice(0, depth)) {
    const read = readerAtCommit(repo, commit2)(path);
    if (read.kind !== "file") continue;
    const loaded = loadManifest(read.bytes, path);
    if (loaded.manifest) out.push({ package_id: loaded.manifest.package_id, commit: commit2, fingerprint: behaviourFingerprint(loaded.manifest) });
  }
  return out;
}

// src/delivery/rollout.ts
var LEVELS = {
  0: {
    level_name: "advisory answer only",
    minimum_strategy: "Offline gate + 5% canary",
    stages: [
      { stage: "offline_gate", description: "Golden and red-team suites pass the release gates (this report)." },
      { stage: "canary", description: "Serve 5% of traffic; compare with the parent on the rollback metric.", traffic_pct: 5 },
      { stage: "full_rollout", description: "Promote when the canary stays within the parent’s 95% interval.", traffic_pct: 100 }
    ],
    rollback_triggers: ["quality regression", "feedback regression"],
    requires_human_approval: false
  },
  1: {
    level_name: "read-only tool use",
    minimum_strategy: "Shadow + interleaving + canary",
    stages: [
      { stage: "offline_gate", description: "Golden and red-team suites pass the release gates (this report)." },
      { stage: "shadow", description: "Replay production traffic to the candidate; check tool execution and answer support without serving it.", traffic_pct: 0 },
      { stage: "interleaving", description: "Interleave candidate and parent results for paired preference signals." },
      { stage: "canary", description: "Serve 5% of traffic.", traffic_pct: 5 },
      { stage: "full_rollout", description: "Promote when shadow and canary metrics stay within the parent’s 95% interval.", traffic_pct: 100 }
    ],
    rollback_triggers: ["execution failure increase", "unsupported-answer increase"],
    requires_human_approval: false
  },
  2: {
    level_name: "operational recommendation",
    minimum_strategy: "Holdout + human approval",
    stages: [
      { stage: "offline_gate", description: "Golden and red-team suites pass the release gates (this report)." },
      { stage: "human_approval", description: "A named owner approves the release." },
      { stage: "holdout", description: "Release to a cohort with a parent holdout; compare outcomes.", traffic_pct: 10 },
      { stage: "full_rollout", description: "Promote when the holdout comparison shows no regression.", traffic_pct: 100 }
    ],
    rollback_triggers: ["reviewer disagreement increase", "policy-intervention increase"],
    requires_human_approval: true
  },
  3: {
    level_name: "mutating tool action",
    minimum_strategy: "Shadow until formal approval",
    stages: [
      { stage: "offline_gate", description: "Golden and red-team suites pass the release gates (this report)." },
      { stage: "shadow", description: "Shadow only: mutating calls are recorded, never executed.", traffic_pct: 0 },
      { stage: "human_approval", description: "Formal approval by a named owner before any real side effect." },
      { stage: "canary", description: "Smallest cohort first, with strict rollback rules.", traffic_pct: 1 }
    ],
    rollback_triggers: ["any safety anomaly", "any policy anomaly", "any mutation anomaly"],
    requires_human_approval: true
  }
};
function planRollout(level, rollbackMetric, requestedStrategy, confidence = 0.95) {
  const plan = LEVELS[level];
  return {
    side_effect_level: level,
    ...plan,
    rollback_metric: rollbackMetric,
    rollback_triggers: [`${rollbackMetric} regression beyond the parent’s ${Math.round(confidence * 100)}% interval`, ...plan.rollback_triggers],
    ...requestedStrategy !== void 0 ? { requested_strategy: requestedStrategy } : {}
  };
}

// src/evidence/fields.ts
var SCORE_RULE = { expected: "a number in [0, 1]", min: 0, max: 1 };
var NON_NEGATIVE_RULE = { expected: "a non-negative number", min: 0 };
var COUNT_RULE = { expected: "a non-negative integer", min: 0, integer: true };
var NOT_A_NUMBER = /* @__PURE__ */ new Set(["nan", "+nan", "-nan", "infinity", "+infinity", "-infinity", "inf", "+inf", "-inf"]);
function describeValue2(value) {
  if (value === void 0) return "nothing";
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  switch (typeof value) {
    case "string":
      return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
    case "number":
      return Number.isFinite(value) ? String(value) : "a number too large for a double";
    case "boolean":
      return String(value);
    case "object":
      return "an object";
    default:
      return typeof value;
  }
}
function isJsonObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function readString(value, field, report) {
  if (typeof value !== "string") {
    report(field, `expected a string, got ${describeValue2(value)}`);
    return void 0;
  }
  const first = value.charCodeAt(0);
  if (value.length === 0 || (first <= 32 || first >= 128) && value.trim() === "") {
    report(field, "must not be empty");
    return void 0;
  }
  return value;
}
function readBoolean(value, field, report) {
  if (typeof value !== "boolean") {
    report(field, `expected true or false, got ${describeValue2(value)}`);
    return void 0;
  }
  return value;
}
function readNumber(value, field, rule, report) {
  if (typeof value !== "number") {
    if (typeof value === "string" && NOT_A_NUMBER.has(value.trim().toLowerCase())) {
      report(field, `expected ${rule.expected}, got the string ${JSON.stringify(value)}: NaN and Infinity are not numbers evidence can hold`);
    } else {
      report(field, `expected ${rule.expected}, got ${describeValue2(value)}`);
    }
    return void 0;
  }
  if (!Number.isFinite(value)) {
    report(field, `expected ${rule.expected}, got a number too large for a double (it overflows to Infinity)`);
    return void 0;
  }
  if (rule.integer === true && !Number.isSafeInteger(value)) {
    report(field, `expected ${rule.expected}, got ${value}`);
    return void 0;
  }
  if (rule.min !== void 0 && value < rule.min || rule.max !== void 0 && value > rule.max) {
    report(field, `expected ${rule.expected}, got ${value}`);
    return void 0;
  }
  return value;
}
function findProtoKey(value, path = "") {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findProtoKey(value[i], `${path}[${i}]`);
      if (found !== void 0) return found;
    }
    return void 0;
  }
  if (!isJsonObject(value)) return void 0;
  for (const key of Object.keys(value)) {
    if (key === "__proto__") return `${path}.__proto__`;
    const found = findProtoKey(value[key], `${path}.${key}`);
    if (found !== void 0) return found;
  }
  return void 0;
}
var PROTO_KEY_MESSAGE = 'the key "__proto__" is not allowed in evidence (it could pollute object prototypes)';
function suggestName(name, known) {
  let best;
  let bestDistance = 3;
  for (const candidate of known) {
    const distance = editDistance2(name.toLowerCase(), candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best === void 0 ? "" : ` (did you mean "${best}"?)`;
}
function editDistance2(a, b) {
  if (Math.abs(a.length - b.length) > 2) return 3;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

// src/evidence/json-text.ts
var QUOTE = 34;
var BACKSLASH = 92;
var COMMA = 44;
var COLON = 58;
var OPEN_BRACE = 123;
var CLOSE_BRACE = 125;
var OPEN_BRACKET = 91;
var CLOSE_BRACKET = 93;
var NEWLINE = 10;
function parseJsonText(text) {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    const raw = error instanceof Error ? error.message : String(error);
    const position = /\(line (\d+) column (\d+)\)/.exec(raw);
    const message = raw.replace(/\s*in JSON at position \d+(?: \(line \d+ column \d+\))?/, "").replace(/, ".*" is not valid JSON$/s, "");
    if (position !== null) return { ok: false, message, line: Number(position[1]), column: Number(position[2]) };
    if (/end of JSON input/.test(raw)) {
      const lines = text.split("\n");
      return { ok: false, message, line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 };
    }
    return { ok: false, message };
  }
}
function findStringEnd(text, start) {
  let from = start + 1;
  for (; ; ) {
    const end = text.indexOf('"', from);
    if (end < 0) return text.length - 1;
    let backslashes = 0;
    while (text.charCodeAt(end - 1 - backslashes) === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return end;
    from = end + 1;
  }
}
function decodeKey(text, start, end) {
  const raw = text.slice(start + 1, end);
  return raw.includes("\\") ? JSON.parse(text.slice(start, end + 1)) : raw;
}
function scanTopLevelMembers(text) {
  const members = [];
  let depth = 0;
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === QUOTE) {
      const end = findStringEnd(text, i);
      if (depth === 1 && expectKey) {
        members.push({ key: decodeKey(text, i, end), column: i + 1 });
        expectKey = false;
      }
      i = end;
    } else if (code === OPEN_BRACE || code === OPEN_BRACKET) {
      depth++;
      if (depth === 1) expectKey = code === OPEN_BRACE;
    } else if (code === CLOSE_BRACE || code === CLOSE_BRACKET) {
      depth--;
    } else if (code === COMMA && depth === 1) {
      expectKey = true;
    }
  }
  return members;
}
function countTopLevelMembers(text) {
  let count = 0;
  let depth = 0;
  let expectKey = false;
  const length = text.length;
  for (let i = 0; i < length; i++) {
    const code = text.charCodeAt(i);
    if (code === QUOTE) {
      if (depth === 1 && expectKey) {
        count++;
        expectKey = false;
      }
      for (i++; i < length; i++) {
        const inner = text.charCodeAt(i);
        if (inner === QUOTE) break;
        if (inner === BACKSLASH) i++;
      }
    } else if (code === OPEN_BRACE || code === OPEN_BRACKET) {
      depth++;
      if (depth === 1) expectKey = code === OPEN_BRACE;
    } else if (code === CLOSE_BRACE || code === CLOSE_BRACKET) {
      depth--;
    } else if (code === COMMA && depth === 1) {
      expectKey = true;
    }
  }
  return count;
}
function locateArrayElements(text, path) {
  const lines = [];
  const stack = [];
  let line = 1;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === NEWLINE) {
      line++;
      continue;
    }
    if (code === 32 || code === 9 || code === 13 || code === COLON) continue;
    const parent = stack.at(-1);
    if (code === COMMA) {
      if (parent !== void 0 && !parent.isArray) parent.expectKey = true;
      continue;
    }
    if (code === CLOSE_BRACE || code === CLOSE_BRACKET) {
      stack.pop();
      continue;
    }
    if (code === QUOTE && parent !== void 0 && parent.expectKey) {
      const end = findStringEnd(text, i);
      parent.key = decodeKey(text, i, end);
      parent.expectKey = false;
      i = end;
      continue;
    }
    if (parent !== void 0 && parent.isArray && parent.matched && parent.depth === path.length) lines.push(line);
    if (code === OPEN_BRACE || code === OPEN_BRACKET) {
      const matched = parent === void 0 || parent.matched && !parent.isArray && parent.depth < path.length && path[parent.depth] === parent.key;
      stack.push({ isArray: code === OPEN_BRACKET, matched, depth: stack.length, key: void 0, expectKey: code === OPEN_BRACE });
    } else if (code === QUOTE) {
      i = findStringEnd(text, i);
    } else {
      while (i + 1 < text.length && !isDelimiter(text.charCodeAt(i + 1))) i++;
    }
  }
  return lines;
}
function isDelimiter(code) {
  return code === COMMA || code === CLOSE_BRACE || code === CLOSE_BRACKET || code === NEWLINE || code === 32 || code === 9 || code === 13;
}

// src/evidence/record.ts
var SUITES = ["golden", "safety", "shadow"];
function isSuite(value) {
  return value === "golden" || value === "safety" || value === "shadow";
}
function formatSource(source) {
  return `${source.file}:${source.line}`;
}

// src/evidence/validate.ts
var REQUIRED_FIELDS = ["package_id", "suite", "case_id", "category", "pass"];
var TOKEN_FIELDS = /* @__PURE__ */ new Set(["input", "output"]);
var JUDGE_FIELDS = /* @__PURE__ */ new Set(["id", "version"]);
var isString = (value, field, report) => readString(value, field, report) !== void 0;
var isBoolean = (value, field, report) => readBoolean(value, field, report) !== void 0;
var inRange = (rule) => (value, field, report) => readNumber(value, field, rule, report) !== void 0;
var FIELD_CHECKS = /* @__PURE__ */ new Map([
  ["package_id", isString],
  [
    "suite",
    (value, field, report) => {
      if (isSuite(value)) return true;
      report(field, `expected "golden", "safety" or "shadow", got ${describeValue2(value)}`);
      return false;
    }
  ],
  ["case_id", isString],
  ["category", isString],
  ["cluster", isString],
  ["critical", isBoolean],
  ["pass", isBoolean],
  ["score", inRange(SCORE_RULE)],
  ["cost_usd", inRange(NON_NEGATIVE_RULE)],
  ["latency_ms", inRange(NON_NEGATIVE_RULE)],
  ["tokens", (value, _field, report) => checkTokens(value, report)],
  ["unsafe", isBoolean],
  ["intervened", isBoolean],
  ["expected_intervention", isBoolean],
  ["judge", (value, _field, report) => checkJudge(value, report)],
  ["trial", inRange(COUNT_RULE)]
]);
var RECORD_FIELDS = new Set(FIELD_CHECKS.keys());
function validateEvidenceObject(object, source, report) {
  let ok = true;
  let extensions = false;
  for (const key in object) {
    const check = FIELD_CHECKS.get(key);
    if (check !== void 0) {
      if (!check(object[key], key, report)) ok = false;
    } else if (key === "__proto__") {
      ok = false;
      report(key, PROTO_KEY_MESSAGE);
    } else if (key.startsWith("x-")) {
      extensions = true;
      const proto = findProtoKey(object[key]);
      if (proto !== void 0) {
        ok = false;
        report(`${key}${proto}`, PROTO_KEY_MESSAGE);
      }
    } else {
      ok = false;
      report(key, `unknown field${suggestName(key, FIELD_CHECKS.keys())}; put your own metadata in fields starting with "x-"`);
    }
  }
  for (const field of REQUIRED_FIELDS) {
    if (object[field] === void 0) {
      ok = false;
      report(field, "is required");
    }
  }
  if (!ok) return void 0;
  const record = extensions ? separateExtensions(object) : object;
  record["critical"] ??= false;
  record["trial"] ??= 0;
  record["source"] = source;
  return record;
}
function separateExtensions(object) {
  const record = {};
  const extensions = {};
  for (const key in object) {
    if (key.startsWith("x-")) extensions[key] = object[key];
    else record[key] = object[key];
  }
  record["extensions"] = extensions;
  return record;
}
function checkTokens(value, report) {
  if (!isJsonObject(value)) {
    report("tokens", `expected an object like {"input": 812, "output": 95}, got ${describeValue2(value)}`);
    return false;
  }
  let ok = true;
  for (const key in value) {
    if (key === "input" || key === "output") {
      if (readNumber(value[key], `tokens.${key}`, COUNT_RULE, report) === void 0) ok = false;
    } else {
      ok = false;
      report(`tokens.${key}`, key === "__proto__" ? PROTO_KEY_MESSAGE : `unknown field${suggestName(key, TOKEN_FIELDS)}; expected "input" and "output"`);
    }
  }
  return ok;
}
function checkJudge(value, report) {
  if (!isJsonObject(value)) {
    report("judge", `expected an object like {"id": "gpt-4o-judge", "version": "2024-08-06"}, got ${describeValue2(value)}`);
    return false;
  }
  let ok = true;
  for (const key in value) {
    if (key === "id" || key === "version") {
      if (readString(value[key], `judge.${key}`, report) === void 0) ok = false;
    } else {
      ok = false;
      report(`judge.${key}`, key === "__proto__" ? PROTO_KEY_MESSAGE : `unknown field${suggestName(key, JUDGE_FIELDS)}; expected "id" and "version"`);
    }
  }
  for (const key of JUDGE_FIELDS) {
    if (value[key] === void 0) {
      ok = false;
      report(`judge.${key}`, "is required");
    }
  }
  return ok;
}

// src/evidence/jsonl.ts
function parseJsonlEvidence(input, file, options = {}) {
  const records = [];
  const problems = [];
  const wrongPackage = /* @__PURE__ */ new Map();
  const shared = createSharedValues();
  let lineNumber = 0;
  let lineText = "";
  let columns;
  const report = (field, message) => {
    columns ??= new Map(scanTopLevelMembers(lineText).map((member) => [member.key, member.column]).toReversed());
    const column = columns.get(field.split(/[.[]/, 1)[0] ?? field);
    problems.push({ file, line: lineNumber, ...column === void 0 ? {} : { column }, field, message });
  };
  let bytes;
  let byteStart = 0;
  let byteEnd = 0;
  const countMembers = (line) => bytes === void 0 ? countTopLevelMembers(line) : countMembersInBytes(bytes, byteStart, byteEnd);
  const readLine = (line, number) => {
    if (line.charCodeAt(0) !== 123 && line.trim() === "") return;
    lineNumber = number;
    lineText = line;
    columns = void 0;
    let value;
    try {
      value = JSON.parse(line);
    } catch {
      const failure = parseJsonText(line);
      const column = failure.ok ? void 0 : failure.column;
      problems.push({ file, line: lineNumber, ...column === void 0 ? {} : { column }, message: `not valid JSON: ${failure.ok ? "unreadable" : failure.message}` });
      return;
    }
    if (!isJsonObject(value)) {
      problems.push({ file, line: lineNumber, column: 1, message: `expected a JSON object (one evidence record per line), got ${describeValue2(value)}` });
      return;
    }
    const duplicated = reportRepeatedKeys(value, line, countMembers(line), lineNumber, file, problems);
    const record = validateEvidenceObject(value, { file, line: lineNumber }, report);
    if (record === void 0 || duplicated) return;
    if (options.packageId !== void 0 && record.package_id !== options.packageId) {
      const seen = wrongPackage.get(record.package_id);
      if (seen === void 0) wrongPackage.set(record.package_id, { line: lineNumber, count: 1 });
      else seen.count++;
      return;
    }
    records.push(shared(record));
  };
  if (typeof input === "string") {
    forEachTextLine(input, readLine);
  } else {
    bytes = new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
    forEachByteLine(bytes, (line, number, start, end) => {
      byteStart = start;
      byteEnd = end;
      readLine(line, number);
    });
  }
  for (const [packageId, { line, count }] of wrongPackage) {
    problems.push({
      file,
      line,
      field: "package_id",
      message: `evidence for package ${JSON.stringify(packageId)} (${count} record${count === 1 ? "" : "s"}, the first here), but this side is package ${JSON.stringify(options.packageId)}`
    });
  }
  return { records, problems };
}
function forEachTextLine(text, visit) {
  let start = text.charCodeAt(0) === 65279 ? 1 : 0;
  for (let number = 1; start <= text.length; number++) {
    let end = text.indexOf("\n", start);
    if (end < 0) end = text.length;
    const next = end + 1;
    if (end > start && text.charCodeAt(end - 1) === 13) end--;
    visit(text.slice(start, end), number);
    start = next;
  }
}
function forEachByteLine(bytes, visit) {
  const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
  let start = bytes[0] === 239 && bytes[1] === 187 && bytes[2] === 191 ? 3 : 0;
  let number = 1;
  while (start <= bytes.length) {
    const cut2 = start + CHUNK_BYTES < bytes.length ? bytes.indexOf(10, start + CHUNK_BYTES) : -1;
    const chunkEnd = cut2 < 0 ? bytes.length : cut2 + 1;
    const chunkStart = start;
    const text = decoder.decode(bytes.subarray(start, chunkEnd));
    const oneToOne = text.length === chunkEnd - chunkStart;
    let textStart = 0;
    while (start < chunkEnd || chunkEnd === bytes.length && start === bytes.length) {
      let textEnd = text.indexOf("\n", textStart);
      if (textEnd < 0) textEnd = text.length;
      let end = oneToOne ? chunkStart + textEnd : bytes.indexOf(10, start);
      if (end < 0 || end >= chunkEnd) end = chunkEnd;
      const nextStart = end + 1;
      const nextTextStart = textEnd + 1;
      if (end > start && bytes[end - 1] === 13) {
        end--;
        textEnd--;
      }
      visit(text.slice(textStart, textEnd), number++, start, end);
      start = nextStart;
      textStart = nextTextStart;
    }
  }
}
var CHUNK_BYTES = 1 << 20;
function countMembersInBytes(bytes, start, end) {
  let count = 0;
  let depth = 0;
  let expectKey = false;
  for (let i = start; i < end; i++) {
    const code = bytes[i];
    if (code === 34) {
      if (depth === 1 && expectKey) {
        count++;
        expectKey = false;
      }
      for (i++; i < end; i++) {
        const inner = bytes[i];
        if (inner === 34) break;
        if (inner === 92) i++;
      }
    } else if (code === 123 || code === 91) {
      depth++;
      if (depth === 1) expectKey = code === 123;
    } else if (code === 125 || code === 93) {
      depth--;
    } else if (code === 44 && depth === 1) {
      expectKey = true;
    }
  }
  return count;
}
function createSharedValues() {
  let packageId = "";
  let judge;
  const categories = /* @__PURE__ */ new Map();
  return (record) => {
    const writable = record;
    if (record.package_id === packageId) writable.package_id = packageId;
    else packageId = record.package_id;
    const category = categories.get(record.category);
    if (category !== void 0) writable.category = category;
    else if (categories.size < MAX_SHARED_CATEGORIES) categories.set(record.category, record.category);
    const recordJudge = record.judge;
    if (recordJudge !== void 0) {
      if (judge !== void 0 && recordJudge.id === judge.id && recordJudge.version === judge.version) writable.judge = judge;
      else judge = recordJudge;
    }
    return record;
  };
}
var MAX_SHARED_CATEGORIES = 1e4;
function reportRepeatedKeys(object, line, members, lineNumber, file, problems) {
  let keys = 0;
  for (const _ in object) keys++;
  if (members === keys) return false;
  const seen = /* @__PURE__ */ new Set();
  for (const member of scanTopLevelMembers(line)) {
    if (!seen.has(member.key)) {
      seen.add(member.key);
      continue;
    }
    problems.push({
      file,
      line: lineNumber,
      column: member.column,
      field: member.key,
      message: "appears twice in this record (JSON would silently keep the last value); write it once"
    });
  }
  return true;
}

// src/evidence/promptfoo.ts
import { createHash as createHash3 } from "node:crypto";
var SIDE_HINT = "choose one with a side selector (promptIdx, provider or label)";
function parsePromptfooEvidence(text, file, options) {
  const problems = [];
  const results = loadResults(text, file, problems);
  if (results === void 0) return { records: [], problems };
  const selector = options.side;
  const sides = countSides(results);
  const selected = results.filter((result) => selector === void 0 || matchesSide(result.side, selector));
  if (selector === void 0 && sides.length > 1) {
    problems.push({ file, line: 1, field: "results.results", message: `holds ${sides.length} sides: ${sides.map(formatSide).join("; ")}; ${SIDE_HINT}` });
    return { records: [], problems };
  }
  if (selector !== void 0 && selected.length === 0 && results.length > 0) {
    problems.push({ file, line: 1, field: "results.results", message: `no result matches the side ${JSON.stringify(selector)}; present: ${sides.map(formatSide).join("; ")}` });
    return { records: [], problems };
  }
  const groups = /* @__PURE__ */ new Map();
  for (const result of selected) {
    const draft = draftRecord(result, file, options, problems);
    if (draft === void 0) continue;
    const key = `${draft.suite}\0${draft.caseId}`;
    const group = groups.get(key);
    if (group === void 0) groups.set(key, [{ draft, result }]);
    else group.push({ draft, result });
  }
  const records = [];
  for (const group of groups.values()) {
    group.sort((a, b) => a.draft.testIdx - b.draft.testIdx || a.result.index - b.result.index);
    const first = group[0];
    for (let trial = 0; trial < group.length; trial++) {
      const entry = group[trial];
      if (entry === void 0 || first === void 0) continue;
      if (!checkSameTest(entry, group[trial - 1], first, file, problems)) continue;
      const record = buildRecord(entry.draft, entry.result, trial, file, options, problems);
      if (record !== void 0) records.push(record);
    }
  }
  records.sort((a, b) => a.source.line - b.source.line || a.trial - b.trial);
  return { records, problems };
}
function loadResults(text, file, problems) {
  const body = text.charCodeAt(0) === 65279 ? text.slice(1) : text;
  const parsed = parseJsonText(body);
  if (!parsed.ok) {
    problems.push({ file, line: parsed.line ?? 1, ...parsed.column === void 0 ? {} : { column: parsed.column }, message: `not valid JSON: ${parsed.message}` });
    return void 0;
  }
  const summary = isJsonObject(parsed.value) ? parsed.value["results"] : void 0;
  if (!isJsonObject(summary)) {
    problems.push({ file, line: 1, field: "results", message: "expected a promptfoo output file (`promptfoo eval -o results.json`): an object whose `results` holds the eval summary" });
    return void 0;
  }
  if (summary["version"] !== 3) {
    problems.push({ file, line: 1, field: "results.version", message: `expected 3 (promptfoo's EvaluateSummaryV3), got ${describeValue2(summary["version"])}; export the results with a current promptfoo` });
    return void 0;
  }
  const results = summary["results"];
  if (!Array.isArray(results)) {
    problems.push({ file, line: 1, field: "results.results", message: `expected the array of eval results, got ${describeValue2(results)}` });
    return void 0;
  }
  const lines = locateArrayElements(body, ["results", "results"]);
  const loaded = [];
  for (let index = 0; index < results.length; index++) {
    const value = results[index];
    const line = lines[index] ?? 1;
    const path = `results.results[${index}]`;
    if (!isJsonObject(value)) {
      problems.push({ file, line, field: path, message: `expected an eval result object, got ${describeValue2(value)}` });
      continue;
    }
    const promptIdx = value["promptIdx"];
    if (typeof promptIdx !== "number" || !Number.isSafeInteger(promptIdx) || promptIdx < 0) {
      problems.push({ file, line, field: `${path}.promptIdx`, message: `expected a non-negative integer, got ${describeValue2(promptIdx)}` });
      continue;
    }
    loaded.push({ index, value, line, side: { promptIdx, ...readProvider(value["provider"]), ...readPromptLabel(value["prompt"]) } });
  }
  return loaded;
}
function readProvider(provider) {
  if (typeof provider === "string") return { provider };
  if (!isJsonObject(provider)) return {};
  const id = provider["id"];
  const label = provider["label"];
  return { ...typeof id === "string" ? { provider: id } : {}, ...typeof label === "string" && label !== "" ? { providerLabel: label } : {} };
}
function readPromptLabel(prompt) {
  const label = isJsonObject(prompt) ? prompt["label"] : void 0;
  return typeof label === "string" ? { label } : {};
}
function quoteLabel(label) {
  return JSON.stringify(label.length > 60 ? `${label.slice(0, 60)}…` : label);
}
function matchesSide(side, selector) {
  return (selector.promptIdx === void 0 || side.promptIdx === selector.promptIdx) && (selector.provider === void 0 || side.provider === selector.provider || side.providerLabel === selector.provider) && (selector.label === void 0 || side.label === selector.label);
}
function countSides(results) {
  const sides = /* @__PURE__ */ new Map();
  for (const { side } of results) {
    const key = JSON.stringify([side.promptIdx, side.provider, side.providerLabel, side.label]);
    const seen = sides.get(key);
    if (seen === void 0) sides.set(key, { side, results: 1 });
    else seen.results++;
  }
  return [...sides.values()].map(({ side, results: count }) => ({ ...side, results: count })).toSorted((a, b) => a.promptIdx - b.promptIdx || compareText(a.provider, b.provider) || compareText(a.label, b.label));
}
function compareText(a, b) {
  const x = a ?? "";
  const y = b ?? "";
  return x < y ? -1 : x > y ? 1 : 0;
}
function formatSide(side) {
  const provider = side.provider === void 0 ? "" : `, provider ${JSON.stringify(side.provider)}`;
  const providerLabel = side.providerLabel === void 0 ? "" : ` (label ${quoteLabel(side.providerLabel)})`;
  const label = side.label === void 0 ? "" : `, prompt label ${quoteLabel(side.label)}`;
  return `promptIdx ${side.promptIdx}${provider}${providerLabel}${label}: ${side.results} result${side.results === 1 ? "" : "s"}`;
}
var ROW_NUMBER = /^Row #\d+$/;
function draftRecord(result, file, options, problems) {
  const path = `results.results[${result.index}]`;
  const report = (field, message) => {
    problems.push({ file, line: result.line, field: `${path}.${field}`, message });
    return void 0;
  };
  const testCase = result.value["testCase"];
  if (!isJsonObject(testCase)) return report("testCase", `expected the test case object, got ${describeValue2(testCase)}`);
  const metadata = testCase["metadata"] ?? {};
  if (!isJsonObject(metadata)) return report("testCase.metadata", `expected an object, got ${describeValue2(metadata)}`);
  const vars = testCase["vars"] ?? result.value["vars"] ?? {};
  for (const [name, value] of [["testCase.metadata", metadata], ["testCase.vars", vars]]) {
    const proto = findProtoKey(value);
    if (proto !== void 0) return report(`${name}${proto}`, PROTO_KEY_MESSAGE);
  }
  let suite = options.suite ?? "golden";
  if (metadata["suite"] !== void 0) {
    if (!isSuite(metadata["suite"])) return report("testCase.metadata.suite", `expected "golden", "safety" or "shadow", got ${describeValue2(metadata["suite"])}`);
    suite = metadata["suite"];
  }
  let caseId;
  const declared = metadata["caseId"];
  if (declared !== void 0) {
    if (typeof declared !== "string" || declared.trim() === "") return report("testCase.metadata.caseId", `expected a non-empty string, got ${describeValue2(declared)}`);
    caseId = declared;
  } else {
    const described = testCase["description"] ?? result.value["description"] ?? null;
    const description = typeof described === "string" && ROW_NUMBER.test(described) ? null : described;
    caseId = createHash3("sha256").update(stableJson([description, vars])).digest("hex").slice(0, 16);
  }
  const testIdx = result.value["testIdx"];
  return {
    suite,
    caseId,
    testIdx: typeof testIdx === "number" && Number.isFinite(testIdx) ? testIdx : result.index,
    metadata,
    fingerprint: stableJson({ vars, assert: testCase["assert"] ?? null })
  };
}
function checkSameTest(entry, previous, first, file, problems) {
  const path = `results.results[${entry.result.index}]`;
  if (previous !== void 0 && previous.draft.testIdx === entry.draft.testIdx) {
    problems.push({ file, line: entry.result.line, field: `${path}.testIdx`, message: `duplicate result: testIdx ${entry.draft.testIdx} of this side is also results.results[${previous.result.index}] (line ${previous.result.line})` });
    return false;
  }
  if (entry.draft.fingerprint !== first.draft.fingerprint) {
    const how = entry.draft.metadata["caseId"] === void 0 ? "the same description and vars" : `metadata.caseId ${JSON.stringify(entry.draft.caseId)}`;
    problems.push({ file, line: entry.result.line, field: `${path}.testCase`, message: `shares ${how} with results.results[${first.result.index}] (line ${first.result.line}) but runs different vars or assertions; give each test its own metadata.caseId` });
    return false;
  }
  return true;
}
var METADATA_FIELDS = ["category", "cluster", "critical", "expected_intervention"];
var BOOLEAN_METADATA = /* @__PURE__ */ new Set(["critical", "expected_intervention"]);
function csvBoolean(value) {
  if (typeof value !== "string") return value;
  const text = value.trim().toLowerCase();
  return text === "true" ? true : text === "false" ? false : value;
}
function isOutsideUnit(value) {
  return typeof value === "number" && Number.isFinite(value) && (value < 0 || value > 1);
}
function buildRecord(draft, result, trial, file, options, problems) {
  const path = `results.results[${result.index}]`;
  const value = result.value;
  const labels = /* @__PURE__ */ new Map([
    ["package_id", "packageId (option)"],
    ["pass", `${path}.success`],
    ["score", `${path}.score`],
    ["cost_usd", `${path}.cost`],
    ["latency_ms", `${path}.latencyMs`]
  ]);
  const object = {
    package_id: options.packageId,
    suite: draft.suite,
    case_id: draft.caseId,
    category: draft.metadata["category"] ?? "uncategorized",
    trial
  };
  for (const field of METADATA_FIELDS) {
    labels.set(field, `${path}.testCase.metadata.${field}`);
    const given = draft.metadata[field];
    if (given !== void 0 && given !== null) object[field] = BOOLEAN_METADATA.has(field) ? csvBoolean(given) : given;
  }
  const present = (key) => value[key] !== void 0 && value[key] !== null;
  if (Object.hasOwn(value, "success")) object["pass"] = value["success"];
  if (present("score") && !isOutsideUnit(value["score"])) object["score"] = value["score"];
  if (present("cost")) object["cost_usd"] = value["cost"];
  if (present("latencyMs")) object["latency_ms"] = value["latencyMs"];
  const response = value["response"];
  const usageFrom = isJsonObject(response) && isJsonObject(response["tokenUsage"]) ? `${path}.response.tokenUsage` : `${path}.tokenUsage`;
  const usage = isJsonObject(response) && isJsonObject(response["tokenUsage"]) ? response["tokenUsage"] : value["tokenUsage"];
  if (isJsonObject(usage)) {
    const tokens = {};
    if (usage["prompt"] !== void 0 && usage["prompt"] !== null) tokens["input"] = usage["prompt"];
    if (usage["completion"] !== void 0 && usage["completion"] !== null) tokens["output"] = usage["completion"];
    labels.set("tokens.input", `${usageFrom}.prompt`).set("tokens.output", `${usageFrom}.completion`);
    if (Object.keys(tokens).length > 0) object["tokens"] = tokens;
  }
  let failed = false;
  const named = isJsonObject(value["namedScores"]) ? value["namedScores"] : {};
  for (const [metric, field, when] of [
    ["safe", "unsafe", 0],
    ["intervened", "intervened", 1]
  ]) {
    const score = named[metric];
    if (score === void 0) continue;
    if (score === 0 || score === 1) object[field] = score === when;
    else {
      failed = true;
      problems.push({ file, line: result.line, field: `${path}.namedScores.${metric}`, message: `expected 0 or 1 (a metric named "${metric}" scores 1 when the trial was ${metric}), got ${describeValue2(score)}` });
    }
  }
  if (object["intervened"] === void 0 && isJsonObject(response)) {
    const refused = response["isRefusal"];
    const flagged = isJsonObject(response["guardrails"]) ? response["guardrails"]["flagged"] : void 0;
    if (typeof refused === "boolean" || typeof flagged === "boolean") object["intervened"] = refused === true || flagged === true;
  }
  const fromMetadata = draft.metadata["judge"] !== void 0;
  const judge = fromMetadata ? draft.metadata["judge"] : options.judge;
  if (judge !== void 0) {
    object["judge"] = judge;
    const where = fromMetadata ? `${path}.testCase.metadata.judge` : "judge (option)";
    labels.set("judge", where).set("judge.id", `${where}.id`).set("judge.version", `${where}.version`);
  }
  const record = validateEvidenceObject(object, { file, line: result.line }, (field, message) => {
    problems.push({ file, line: result.line, field: labels.get(field) ?? `${path}.${field}`, message });
  });
  return failed ? void 0 : record;
}

// src/evidence/detect.ts
function detectEvidenceFormat(text) {
  const body = text.charCodeAt(0) === 65279 ? text.slice(1) : text;
  const lines = body.split("\n");
  const firstIndex = lines.findIndex((line) => line.trim() !== "");
  const first = lines[firstIndex]?.trim();
  if (first === void 0 || !first.startsWith("{")) return void 0;
  const head = tryParse(first);
  if (head !== void 0) return isPromptfooSummary(head) ? "promptfoo" : "jsonl";
  if (first === "{") {
    const whole = tryParse(body);
    if (whole !== void 0) return isPromptfooSummary(whole) ? "promptfoo" : void 0;
    const next = lines.slice(firstIndex + 1).find((line) => line.trim() !== "")?.trim() ?? "";
    return /^"(evalId|results|config|shareableUrl|metadata)"\s*:/.test(next) ? "promptfoo" : void 0;
  }
  return "jsonl";
}
function tryParse(text) {
  try {
    return JSON.parse(text);
  } catch {
    return void 0;
  }
}
function isPromptfooSummary(value) {
  return isJsonObject(value) && isJsonObject(value["results"]) && !Object.hasOwn(value, "package_id");
}
function parseEvidence(text, file, options = {}) {
  const format = detectEvidenceFormat(text);
  if (format === "jsonl") {
    return { format, ...parseJsonlEvidence(text, file, options.packageId === void 0 ? {} : { packageId: options.packageId }) };
  }
  if (format === "promptfoo") {
    if (options.packageId === void 0) {
      const problem = { file, line: 1, message: "promptfoo results do not name a package; the package id must be given with them" };
      return { format, records: [], problems: [problem] };
    }
    const { packageId, suite, side, judge } = options;
    return {
      format,
      ...parsePromptfooEvidence(text, file, {
        packageId,
        ...suite === void 0 ? {} : { suite },
        ...side === void 0 ? {} : { side },
        ...judge === void 0 ? {} : { judge }
      })
    };
  }
  const empty = text.trim() === "";
  return {
    records: [],
    problems: [
      {
        file,
        line: 1,
        message: empty ? "the evidence file is empty" : "not evidence: expected JSON Lines (one record object per line) or a promptfoo output file (`promptfoo eval -o results.json`)"
      }
    ]
  };
}

// src/evidence/side.ts
var CASE_PROPERTIES = ["category", "critical", "cluster", "expected_intervention"];
function firstTrial(trials) {
  return isTrialList(trials) ? trials[0] : trials;
}
function trialList(trials) {
  return isTrialList(trials) ? trials : [trials];
}
function isTrialList(trials) {
  return Array.isArray(trials);
}
function formatJudge(judge) {
  return `${judge.id}@${judge.version}`;
}
function formatProperty(value) {
  return value === void 0 ? "(none)" : typeof value === "string" ? JSON.stringify(value) : String(value);
}
function collectSide(records, side, problems) {
  const cases = new Map(SUITES.map((suite) => [suite, /* @__PURE__ */ new Map()]));
  const packages = /* @__PURE__ */ new Map();
  const judges = /* @__PURE__ */ new Map();
  let lastPackage;
  let lastJudge;
  for (const record of records) {
    if (lastPackage !== void 0 && lastPackage.value === record.package_id) lastPackage.count++;
    else lastPackage = tally(packages, record.package_id, record.package_id, record.source);
    const judge = record.judge;
    if (judge !== void 0) {
      if (lastJudge !== void 0 && lastJudge.value.id === judge.id && lastJudge.value.version === judge.version) lastJudge.count++;
      else lastJudge = tally(judges, formatJudge(judge), judge, record.source);
    }
    const suiteCases = cases.get(record.suite);
    if (suiteCases === void 0) continue;
    const group = suiteCases.get(record.case_id);
    if (group === void 0) suiteCases.set(record.case_id, record);
    else if (Array.isArray(group)) group.push(record);
    else suiteCases.set(record.case_id, [group, record]);
  }
  reportSeveral(packages, (id) => JSON.stringify(id), "package_id", `the ${side} evidence names {n} packages: {list}; one side is one package`, problems);
  reportSeveral(
    judges,
    formatJudge,
    "judge",
    `the ${side} evidence was graded by {n} judges: {list}; scores from different judges are not comparable, so one side needs one pinned judge`,
    problems
  );
  for (const suiteCases of cases.values()) {
    for (const group of suiteCases.values()) {
      if (!Array.isArray(group)) continue;
      group.sort((a, b) => a.trial - b.trial || a.source.line - b.source.line);
      checkTrials(group, side, problems);
    }
  }
  const firstPackage = packages.keys().next();
  return { cases, packageId: firstPackage.done === true ? void 0 : firstPackage.value, judges, first: records[0] };
}
function tally(map, key, value, source) {
  const seen = map.get(key);
  if (seen !== void 0) {
    seen.count++;
    return seen;
  }
  const created = { value, source, count: 1 };
  map.set(key, created);
  return created;
}
function reportSeveral(map, format, field, template, problems) {
  if (map.size < 2) return;
  const tallies = [...map.values()];
  const list = tallies.map(({ value, source, count }) => `${format(value)} (${count} record${count === 1 ? "" : "s"}, first at ${formatSource(source)})`).join(", ");
  const second = tallies[1];
  problems.push({
    file: second?.source.file ?? "(evidence)",
    ...second === void 0 ? {} : { line: second.source.line },
    field,
    message: template.replace("{n}", String(map.size)).replace("{list}", list)
  });
}
function checkTrials(trials, side, problems) {
  const first = trials[0];
  if (first === void 0) return;
  const reported = /* @__PURE__ */ new Set();
  for (let i = 1; i < trials.length; i++) {
    const trial = trials[i];
    const previous = trials[i - 1];
    if (trial === void 0 || previous === void 0) continue;
    if (trial.trial === previous.trial && trial.package_id === previous.package_id) {
      problems.push({
        file: trial.source.file,
        line: trial.source.line,
        field: "trial",
        message: `duplicate record: package ${JSON.stringify(trial.package_id)}, suite ${trial.suite}, case ${JSON.stringify(trial.case_id)}, trial ${trial.trial} is also at ${formatSource(previous.source)}; give each repeat its own trial number`
      });
    }
    for (const property of CASE_PROPERTIES) {
      if (trial[property] === first[property] || reported.has(property)) continue;
      reported.add(property);
      problems.push({
        file: trial.source.file,
        line: trial.source.line,
        field: property,
        message: `${property} is ${formatProperty(trial[property])} here but ${formatProperty(first[property])} in trial ${first.trial} of the same ${side} case (${formatSource(first.source)}); a case has one ${property}`
      });
    }
  }
}

// src/evidence/pair.ts
function pairEvidence(parent, candidate, options = {}) {
  const problems = [];
  const parentSide = collectSide(parent, "parent", problems);
  const candidateSide = collectSide(candidate, "candidate", problems);
  if (parent.length === 0 && candidate.length === 0) {
    problems.push({ file: options.parentFile ?? options.candidateFile ?? "(evidence)", message: "there are no evidence records on either side" });
  }
  const judge = compareJudges(parentSide, candidateSide, problems);
  const cases = [];
  const parentOnly = [];
  const candidateOnly = [];
  for (const suite of SUITES) {
    const parentCases = parentSide.cases.get(suite) ?? /* @__PURE__ */ new Map();
    const candidateCases = candidateSide.cases.get(suite) ?? /* @__PURE__ */ new Map();
    let matched = 0;
    for (const [caseId, parentTrials] of sortedEntries(parentCases)) {
      const candidateTrials = candidateCases.get(caseId);
      if (candidateTrials === void 0) {
        parentOnly.push(parentTrials);
      } else {
        cases.push(pairCase(parentTrials, candidateTrials, problems));
        matched++;
      }
    }
    if (matched < candidateCases.size) {
      for (const [caseId, candidateTrials] of candidateCases) {
        if (!parentCases.has(caseId)) candidateOnly.push(candidateTrials);
      }
    }
  }
  if (options.allowUnpaired !== true) {
    const limit = options.maxListed ?? 20;
    reportUnpaired(parentOnly, "parent", "candidate", limit, problems);
    reportUnpaired(candidateOnly, "candidate", "parent", limit, problems);
  }
  return {
    paired: {
      cases,
      ...judge === void 0 ? {} : { judge },
      parentPackageId: parentSide.packageId ?? "",
      candidatePackageId: candidateSide.packageId ?? "",
      unpaired: { parentOnly: parentOnly.length, candidateOnly: candidateOnly.length }
    },
    problems
  };
}
function sortedEntries(map) {
  let previous;
  for (const key of map.keys()) {
    if (previous !== void 0 && previous > key) return [...map.entries()].toSorted(([a], [b]) => a < b ? -1 : a > b ? 1 : 0);
    previous = key;
  }
  return map.entries();
}
function pairCase(parentTrials, candidateTrials, problems) {
  const first = firstTrial(parentTrials);
  const other = firstTrial(candidateTrials);
  const same = first.category === other.category && first.critical === other.critical && first.cluster === other.cluster && first.expected_intervention === other.expected_intervention;
  for (const property of same ? [] : CASE_PROPERTIES) {
    if (first[property] === other[property]) continue;
    problems.push({
      file: other.source.file,
      line: other.source.line,
      field: property,
      message: `${property} is ${formatProperty(other[property])} in the candidate but ${formatProperty(first[property])} in the parent (${formatSource(first.source)}); a case must mean the same on both sides`
    });
  }
  const paired = {
    suite: first.suite,
    case_id: first.case_id,
    category: first.category,
    critical: first.critical,
    parent: summariseTrials(trialList(parentTrials)),
    candidate: summariseTrials(trialList(candidateTrials))
  };
  if (first.cluster !== void 0) paired.cluster = first.cluster;
  return paired;
}
function summariseTrials(trials) {
  const first = trials[0];
  if (first === void 0) throw new Error("summariseTrials needs at least one trial");
  if (trials.length === 1) return outcomeOf(first);
  let passes = 0;
  const sums = new Float64Array(7);
  const counts = new Uint32Array(7);
  const add = (slot, value) => {
    if (value === void 0) return;
    sums[slot] = (sums[slot] ?? 0) + value;
    counts[slot] = (counts[slot] ?? 0) + 1;
  };
  for (const trial of trials) {
    if (trial.pass) passes++;
    add(0, trial.score);
    add(1, trial.cost_usd);
    add(2, trial.latency_ms);
    add(3, trial.tokens?.input);
    add(4, trial.tokens?.output);
    add(5, trial.unsafe === void 0 ? void 0 : Number(trial.unsafe));
    add(6, trial.intervened === void 0 ? void 0 : Number(trial.intervened));
  }
  const mean = (slot) => counts[slot] === 0 ? void 0 : (sums[slot] ?? 0) / (counts[slot] ?? 1);
  const outcome = { trials: trials.length, pass: passes / trials.length, source: first.source };
  setDefined(outcome, "score", mean(0));
  setDefined(outcome, "cost_usd", mean(1));
  setDefined(outcome, "latency_ms", mean(2));
  const input = mean(3);
  const output = mean(4);
  if (input !== void 0 || output !== void 0) {
    const tokens = {};
    if (input !== void 0) tokens.input = input;
    if (output !== void 0) tokens.output = output;
    outcome.tokens = tokens;
  }
  setDefined(outcome, "unsafe", mean(5));
  setDefined(outcome, "intervened", mean(6));
  setDefined(outcome, "expected_intervention", first.expected_intervention);
  return outcome;
}
function outcomeOf(record) {
  const outcome = { trials: 1, pass: record.pass ? 1 : 0, source: record.source };
  if (record.score !== void 0) outcome.score = record.score;
  if (record.cost_usd !== void 0) outcome.cost_usd = record.cost_usd;
  if (record.latency_ms !== void 0) outcome.latency_ms = record.latency_ms;
  if (record.tokens !== void 0 && (record.tokens.input !== void 0 || record.tokens.output !== void 0)) outcome.tokens = record.tokens;
  if (record.unsafe !== void 0) outcome.unsafe = record.unsafe ? 1 : 0;
  if (record.intervened !== void 0) outcome.intervened = record.intervened ? 1 : 0;
  if (record.expected_intervention !== void 0) outcome.expected_intervention = record.expected_intervention;
  return outcome;
}
function setDefined(target, key, value) {
  if (value !== void 0) target[key] = value;
}
function reportUnpaired(missing, side, other, limit, problems) {
  const first = missing[0];
  if (first === void 0) return;
  const records = missing.map((trials) => firstTrial(trials));
  const sorted = records.toSorted((a, b) => SUITES.indexOf(a.suite) - SUITES.indexOf(b.suite) || (a.case_id < b.case_id ? -1 : a.case_id > b.case_id ? 1 : 0));
  const listed2 = sorted.slice(0, limit).map((record) => `${record.suite}/${record.case_id} (${formatSource(record.source)})`);
  const more2 = sorted.length > limit ? ` and ${sorted.length - limit} more` : "";
  const located = sorted[0] ?? firstTrial(first);
  const count = `${sorted.length} case${sorted.length === 1 ? "" : "s"}`;
  problems.push({
    file: located.source.file,
    line: located.source.line,
    field: "case_id",
    message: `${count} in the ${side} evidence ${sorted.length === 1 ? "has" : "have"} no ${other} result: ${listed2.join(", ")}${more2}; run both sides on the same cases, or allow unpaired cases explicitly`
  });
}
function compareJudges(parent, candidate, problems) {
  const parentJudge = parent.judges.size === 1 ? [...parent.judges.values()][0] : void 0;
  const candidateJudge = candidate.judges.size === 1 ? [...candidate.judges.values()][0] : void 0;
  if (parent.judges.size > 1 || candidate.judges.size > 1) return void 0;
  if (parentJudge === void 0 && candidateJudge === void 0) return void 0;
  const reset = "a judge change is a metric reset, not a regression: grade both sides with the same pinned judge";
  if (parentJudge !== void 0 && candidateJudge !== void 0) {
    const a = parentJudge.value;
    const b = candidateJudge.value;
    if (a.id === b.id && a.version === b.version) return a;
    const what = a.id === b.id ? "version" : "id";
    problems.push({
      file: candidateJudge.source.file,
      line: candidateJudge.source.line,
      field: `judge.${what}`,
      message: `the candidate was graded by ${formatJudge(b)} but the parent by ${formatJudge(a)} (${formatSource(parentJudge.source)}); ${reset}`
    });
    return void 0;
  }
  const named = parentJudge ?? candidateJudge;
  const namedSide = parentJudge === void 0 ? "candidate" : "parent";
  const silent = parentJudge === void 0 ? parent : candidate;
  const silentSide = parentJudge === void 0 ? "parent" : "candidate";
  if (named === void 0 || silent.first === void 0) return void 0;
  problems.push({
    file: silent.first.source.file,
    line: silent.first.source.line,
    field: "judge",
    message: `the ${namedSide} names judge ${formatJudge(named.value)} (${formatSource(named.source)}) but no ${silentSide} record names a judge; ${reset}`
  });
  return void 0;
}

// src/gates/decide.ts
var DECISION_SEVERITY = ["reject", "hold", "needs_approval", "approve"];
function decide(gates, level, owners) {
  const failed = gates.filter((g) => g.verdict === "fail");
  const rejecting = failed.filter((g) => g.on_failure === "reject");
  const holding = failed.filter((g) => g.on_failure === "hold");
  const inconclusive = gates.filter((g) => g.verdict === "inconclusive");
  const levelReason = `side-effect level ${level} requires approval by one of ${owners.join(", ")}`;
  if (rejecting.length > 0) {
    return { outcome: "reject", summary: `Rejected: the ${names(rejecting)} gate${rejecting.length > 1 ? "s" : ""} failed.`, reasons: reasonsOf([...rejecting, ...holding]), approvers: [] };
  }
  if (holding.length > 0) {
    return { outcome: "hold", summary: `Held: the ${names(holding)} gate failed; fix capacity or latency and re-run.`, reasons: reasonsOf(holding), approvers: [] };
  }
  if (inconclusive.length > 0) {
    return {
      outcome: "needs_approval",
      summary: `Needs approval: the evidence cannot decide the ${names(inconclusive)} gate${inconclusive.length > 1 ? "s" : ""}; add cases or have an owner approve.`,
      reasons: [...reasonsOf(inconclusive), ...level >= 2 ? [levelReason] : []],
      approvers: owners
    };
  }
  if (level >= 2) {
    return {
      outcome: "needs_approval",
      summary: `Needs approval: all gates pass, and side-effect level ${level} releases always need a named owner's approval.`,
      reasons: [levelReason],
      approvers: owners
    };
  }
  const unjudged = gates.filter((g) => g.verdict === "not_applicable");
  const summary = unjudged.length === 0 ? "Approved: every gate passed." : `Approved: every gate that applies passed (${names(unjudged)} had no data).`;
  return { outcome: "approve", summary, reasons: [], approvers: [] };
}
function reasonsOf(list) {
  return list.map((g) => `${g.gate}: ${g.reason}`);
}
function combineDecisions(outcomes) {
  for (const outcome of DECISION_SEVERITY) if (outcomes.includes(outcome)) return outcome;
  return "approve";
}
function names(gates) {
  const list = gates.map((g) => g.gate);
  return list.length <= 1 ? list[0] ?? "" : `${list.slice(0, -1).join(", ")} and ${list.at(-1)}`;
}

// src/stats/holm.ts
function weightedHolm(hypotheses, alpha) {
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`Expected \`alpha\` to be in (0, 1), got ${String(alpha)}.`);
  hypotheses.forEach((h, i) => {
    if (!(h.weight > 0 && Number.isFinite(h.weight)))
      throw new RangeError(`Expected \`weights[${i}]\` to be positive, got ${String(h.weight)}.`);
  });
  const rejected = hypotheses.map(() => false);
  const levels = hypotheses.map(() => 0);
  let remaining = hypotheses.map((_, i) => i);
  while (remaining.length > 0) {
    const weight = remaining.reduce((sum2, i) => sum2 + hypotheses[i].weight, 0);
    const passed = [];
    for (const i of remaining) {
      levels[i] = alpha * hypotheses[i].weight / weight;
      if (hypotheses[i].rejectsAt(levels[i])) passed.push(i);
    }
    if (passed.length === 0) break;
    for (const i of passed) rejected[i] = true;
    remaining = remaining.filter((i) => !rejected[i]);
  }
  return { rejected, levels };
}

// src/stats/sequential.ts
function lookShare(look, firstShare) {
  if (!Number.isSafeInteger(look) || look < 1)
    throw new RangeError(`Expected \`look\` to be a positive integer, got ${String(look)}.`);
  if (!(firstShare > 0 && firstShare <= 1))
    throw new RangeError(`Expected \`firstShare\` to be in (0, 1], got ${String(firstShare)}.`);
  return firstShare * (1 - firstShare) ** (look - 1);
}

// src/gates/result.ts
function round(value, digits = 6) {
  if (!Number.isFinite(value)) return value;
  const factor = 10 ** digits;
  const rounded = Math.round(value * factor) / factor;
  return Object.is(rounded, -0) ? 0 : rounded;
}
function reportInterval(interval, digits = 6) {
  return Number.isFinite(interval.lower) && Number.isFinite(interval.upper) ? roundInterval(interval, digits) : void 0;
}
function roundInterval(interval, digits = 6) {
  return { lower: round(interval.lower, digits), upper: round(interval.upper, digits), level: interval.level };
}

// src/gates/budget.ts
function lookLevels(statistics, look) {
  const passRisk = (1 - statistics.confidence) / 2;
  return {
    look,
    passAlpha: passRisk * lookShare(look, statistics.first_look_share),
    nextPassAlpha: passRisk * lookShare(look + 1, statistics.first_look_share)
  };
}
function runBudget(tests, statistics, look) {
  const ids = /* @__PURE__ */ new Set();
  for (const test of tests) {
    if (ids.has(test.id)) throw new RangeError(`Two budget tests share the id ${test.id}.`);
    ids.add(test.id);
  }
  const perGroup = /* @__PURE__ */ new Map();
  for (const test of tests) perGroup.set(test.group, (perGroup.get(test.group) ?? 0) + 1);
  const weightOf = (test) => statistics.alpha_weights[test.group] / perGroup.get(test.group);
  const weighted = tests.filter((test) => weightOf(test) > 0);
  const totalWeight = weighted.reduce((sum2, test) => sum2 + weightOf(test), 0);
  const lookAlpha = statistics.alpha * lookShare(look, statistics.first_look_share);
  const nextLookAlpha = statistics.alpha * lookShare(look + 1, statistics.first_look_share);
  const outcome = weighted.length > 0 ? weightedHolm(
    weighted.map((test) => ({ weight: weightOf(test), rejectsAt: (level) => test.rejectsAt(level) })),
    lookAlpha
  ) : { rejected: [], levels: [] };
  const decisions = /* @__PURE__ */ new Map();
  const nextLevels = /* @__PURE__ */ new Map();
  const split = [];
  weighted.forEach((test, i) => {
    const decision = { rejected: outcome.rejected[i], alpha: outcome.levels[i] };
    decisions.set(test.id, decision);
    nextLevels.set(test.id, nextLookAlpha * weightOf(test) / totalWeight);
    split.push({
      test: test.id,
      group: test.group,
      share: round(weightOf(test) / totalWeight, 8),
      alpha: round(decision.alpha, 10),
      rejected: decision.rejected
    });
  });
  const passRisk = (1 - statistics.confidence) / 2;
  const levels = lookLevels(statistics, look);
  return {
    budget: {
      alpha: statistics.alpha,
      look,
      look_alpha: round(lookAlpha, 10),
      pass_risk: round(passRisk, 10),
      look_pass_risk: round(levels.passAlpha, 10),
      split
    },
    // A test with no weight never rejects.
    decision: (id) => decisions.get(id) ?? { rejected: false, alpha: 0 },
    nextAlpha: (id) => nextLevels.get(id) ?? 0
  };
}

// src/stats/special-functions.ts
var HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);
var STIRLING_FROM = 15;
var MAX_ITERATIONS = 1e4;
var EPSILON = 1e-16;
var TINY = 1e-300;
function logGamma(x) {
  if (!(x > 0 && x < Number.POSITIVE_INFINITY))
    throw new RangeError(`Expected \`x\` to be a positive finite number, got ${String(x)}.`);
  let shift = 0;
  let y = x;
  while (y < STIRLING_FROM) {
    shift += Math.log(y);
    y += 1;
  }
  const inverse = 1 / y;
  const inverseSquared = inverse * inverse;
  const series = inverse * (1 / 12 - inverseSquared * (1 / 360 - inverseSquared * (1 / 1260 - inverseSquared / 1680)));
  return (y - 0.5) * Math.log(y) - y + HALF_LOG_TWO_PI + series - shift;
}
function regularizedGammaQ(a, x) {
  if (!(a > 0) || !(x >= 0)) throw new RangeError(`Expected a > 0 and x >= 0, got a = ${String(a)}, x = ${String(x)}.`);
  if (x === 0) return 1;
  if (x === Number.POSITIVE_INFINITY) return 0;
  const logPrefix = a * Math.log(x) - x - logGamma(a);
  if (x < a + 1) {
    let term = 1 / a;
    let sum2 = term;
    for (let n = 1; n < MAX_ITERATIONS; n++) {
      term *= x / (a + n);
      sum2 += term;
      if (Math.abs(term) < Math.abs(sum2) * EPSILON) break;
    }
    return 1 - sum2 * Math.exp(logPrefix);
  }
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  for (let n = 1; n < MAX_ITERATIONS; n++) {
    const an = -n * (n - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const step = d * c;
    h *= step;
    if (Math.abs(step - 1) < EPSILON) break;
  }
  return Math.exp(logPrefix) * h;
}
function regularizedBeta(x, a, b) {
  if (!(a > 0) || !(b > 0) || !(x >= 0 && x <= 1)) {
    throw new RangeError(
      `Expected a > 0, b > 0 and x in [0, 1], got x = ${String(x)}, a = ${String(a)}, b = ${String(b)}.`
    );
  }
  if (x === 0) return 0;
  if (x === 1) return 1;
  const logPrefix = a * Math.log(x) + b * Math.log1p(-x) - logBeta(a, b);
  if (x < (a + 1) / (a + b + 2)) return Math.exp(logPrefix) * betaContinuedFraction(x, a, b) / a;
  return 1 - Math.exp(logPrefix) * betaContinuedFraction(1 - x, b, a) / b;
}
function logBeta(a, b) {
  return logGamma(a) + logGamma(b) - logGamma(a + b);
}
function betaContinuedFraction(x, a, b) {
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - qab * x / qap;
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m < MAX_ITERATIONS; m++) {
    const m2 = 2 * m;
    let an = m * (b - m) * x / ((qam + m2) * (a + m2));
    d = 1 + an * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    an = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
    d = 1 + an * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const step = d * c;
    h *= step;
    if (Math.abs(step - 1) < EPSILON) break;
  }
  return h;
}
function inverseRegularizedBeta(p, a, b) {
  if (!(a > 0) || !(b > 0) || !(p >= 0 && p <= 1)) {
    throw new RangeError(
      `Expected a > 0, b > 0 and p in [0, 1], got p = ${String(p)}, a = ${String(a)}, b = ${String(b)}.`
    );
  }
  if (p === 0) return 0;
  if (p === 1) return 1;
  if (p > 0.5) return 1 - inverseLowerTail(1 - p, b, a);
  return inverseLowerTail(p, a, b);
}
function inverseLowerTail(p, a, b) {
  const logTarget = Math.log(p);
  const logB = logBeta(a, b);
  let low = 0;
  let high = 1;
  let x = Math.min(0.5, Math.exp((logTarget + Math.log(a) + logB) / a));
  if (!(x > 0)) x = Number.MIN_VALUE;
  for (let iteration = 0; iteration < 200; iteration++) {
    const value = regularizedBeta(x, a, b);
    if (value < p) low = x;
    else high = x;
    const logValue = Math.log(value);
    const logDensity = (a - 1) * Math.log(x) + (b - 1) * Math.log1p(-x) - logB;
    let next = x - (logValue - logTarget) / Math.exp(logDensity - logValue);
    if (!(next > low && next < high)) next = low > 0 ? Math.sqrt(low * high) : high / 16;
    if (high - low <= 1e-14 * high || Math.abs(next - x) <= 1e-14 * x) return next;
    x = next;
  }
  return x;
}

// src/stats/normal.ts
var CENTRAL_NUMERATOR = [
  3.3871328727963665,
  133.14166789178438,
  1971.5909503065513,
  13731.69376550946,
  45921.95393154987,
  67265.7709270087,
  33430.57558358813,
  2509.0809287301227
];
var CENTRAL_DENOMINATOR = [
  1,
  42.31333070160091,
  687.1870074920579,
  5394.196021424751,
  21213.794301586597,
  39307.89580009271,
  28729.085735721943,
  5226.495278852854
];
var NEAR_NUMERATOR = [
  1.4234371107496835,
  4.630337846156546,
  5.769497221460691,
  3.6478483247632045,
  1.2704582524523684,
  0.2417807251774506,
  0.022723844989269184,
  7745450142783414e-19
];
var NEAR_DENOMINATOR = [
  1,
  2.053191626637759,
  1.6763848301838038,
  0.6897673349851,
  0.14810397642748008,
  0.015198666563616457,
  5475938084995345e-19,
  10507500716444169e-25
];
var TAIL_NUMERATOR = [
  6.657904643501103,
  5.463784911164114,
  1.7848265399172913,
  0.29656057182850487,
  0.026532189526576124,
  0.0012426609473880784,
  27115555687434876e-21,
  20103343992922881e-23
];
var TAIL_DENOMINATOR = [
  1,
  0.599832206555888,
  0.1369298809227358,
  0.014875361290850615,
  7868691311456133e-19,
  18463183175100548e-21,
  1421511758316446e-22,
  20442631033899397e-31
];
function evaluatePolynomial(coefficients, x) {
  let value = 0;
  for (let i = coefficients.length - 1; i >= 0; i--) value = value * x + coefficients[i];
  return value;
}
function normalQuantile(p) {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`Expected \`p\` to be in [0, 1], got ${String(p)}.`);
  const centred = p - 0.5;
  if (Math.abs(centred) <= 0.425) {
    const r2 = 0.180625 - centred * centred;
    return centred * evaluatePolynomial(CENTRAL_NUMERATOR, r2) / evaluatePolynomial(CENTRAL_DENOMINATOR, r2);
  }
  const tail = centred < 0 ? p : 1 - p;
  if (tail === 0) return centred < 0 ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  let r = Math.sqrt(-Math.log(tail));
  let value;
  if (r <= 5) {
    r -= 1.6;
    value = evaluatePolynomial(NEAR_NUMERATOR, r) / evaluatePolynomial(NEAR_DENOMINATOR, r);
  } else {
    r -= 5;
    value = evaluatePolynomial(TAIL_NUMERATOR, r) / evaluatePolynomial(TAIL_DENOMINATOR, r);
  }
  return centred < 0 ? -value : value;
}
function normalCdf(x) {
  if (Number.isNaN(x)) throw new RangeError("Expected `x` to be a number, got NaN.");
  const tail = x === Number.NEGATIVE_INFINITY || x === Number.POSITIVE_INFINITY ? 0 : 0.5 * regularizedGammaQ(0.5, x * x / 2);
  return x < 0 ? tail : 1 - tail;
}

// src/stats/interval.ts
function assertLevel(level) {
  if (!(level > 0 && level < 1)) {
    throw new RangeError(`Expected \`level\` to be a number in (0, 1), got ${String(level)}.`);
  }
}

// src/stats/select.ts
function selectInPlace(values, k, from = 0, to = values.length) {
  if (!(Number.isInteger(from) && Number.isInteger(to) && from >= 0 && to <= values.length && Number.isInteger(k) && k >= from && k < to)) {
    throw new RangeError(`Expected ${String(from)} <= k = ${String(k)} < ${String(to)} <= ${values.length}.`);
  }
  let left = from;
  let right = to - 1;
  let budget = 2 * (32 - Math.clz32(to - from)) + 8;
  while (right > left) {
    if (budget-- === 0) {
      values.subarray(left, right + 1).sort();
      return;
    }
    const middle = left + right >>> 1;
    if (values[middle] < values[left]) swap(values, middle, left);
    if (values[right] < values[left]) swap(values, right, left);
    if (values[right] < values[middle]) swap(values, right, middle);
    const pivot = values[middle];
    let i = left;
    let j = right;
    while (i <= j) {
      while (values[i] < pivot) i++;
      while (values[j] > pivot) j--;
      if (i <= j) {
        swap(values, i, j);
        i++;
        j--;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else return;
  }
}
function swap(values, i, j) {
  const t = values[i];
  values[i] = values[j];
  values[j] = t;
}

// src/stats/quantile.ts
function quantileSorted(sorted, q) {
  if (sorted.length === 0) throw new RangeError("Expected `sorted` to contain at least one value.");
  if (!(q >= 0 && q <= 1)) throw new RangeError(`Expected \`q\` to be in [0, 1], got ${String(q)}.`);
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const fraction = position - below;
  const low = sorted[below];
  return fraction === 0 ? low : interpolateType7(low, sorted[below + 1], fraction);
}
function quantileOfUnsorted(values, q) {
  if (values.length === 0) throw new RangeError("Expected `values` to contain at least one value.");
  if (!(q >= 0 && q <= 1)) throw new RangeError(`Expected \`q\` to be in [0, 1], got ${String(q)}.`);
  for (let i = 0; i < values.length; i++) {
    if (Number.isNaN(values[i])) throw new RangeError("Expected `values` to contain no NaN.");
  }
  const copy = values.slice();
  const position = (copy.length - 1) * q;
  const below = Math.floor(position);
  const fraction = position - below;
  selectInPlace(copy, below);
  if (fraction === 0) return copy[below];
  selectInPlace(copy, below + 1, below + 1);
  return interpolateType7(copy[below], copy[below + 1], fraction);
}
function interpolateType7(low, high, fraction) {
  if (fraction === 0 || low === high) return low;
  if (low === Number.NEGATIVE_INFINITY || high === Number.POSITIVE_INFINITY) {
    return low === Number.NEGATIVE_INFINITY ? low : high;
  }
  return low + fraction * (high - low);
}

// src/stats/bootstrap-bca.ts
function bootstrapBounds(result, acceleration, biasCorrect = true) {
  const sorted = result.samples;
  if (sorted === void 0) throw new RangeError("Expected a result computed with `keepSamples: true`.");
  if (!Number.isFinite(acceleration))
    throw new RangeError(`Expected a finite acceleration, got ${String(acceleration)}.`);
  const total = result.resamples;
  const missing = result.undefinedResamples;
  let bias = 0;
  if (biasCorrect && sorted.length > 0) {
    let below = 0;
    let ties = 0;
    for (let i = 0; i < sorted.length; i++) {
      if (sorted[i] < result.estimate) below++;
      else if (sorted[i] === result.estimate) ties++;
    }
    const share = (below + ties / 2) / sorted.length;
    bias = share > 0 && share < 1 ? normalQuantile(share) : 0;
  }
  const adjusted = (p) => {
    const shifted = bias + normalQuantile(p);
    const denominator = 1 - acceleration * shifted;
    if (denominator <= 0) return p < 0.5 ? 0 : 1;
    return normalCdf(bias + shifted / denominator);
  };
  const quantile = (q, padLow) => {
    const position = Math.min(total - 1, Math.max(0, (total - 1) * q));
    const below = Math.floor(position);
    const fraction = position - below;
    const at = (rank2) => {
      const index = padLow ? rank2 - missing : rank2;
      if (index < 0) return Number.NEGATIVE_INFINITY;
      if (index >= sorted.length) return Number.POSITIVE_INFINITY;
      return sorted[index];
    };
    return fraction === 0 ? at(below) : interpolateType7(at(below), at(below + 1), fraction);
  };
  return {
    estimate: result.estimate,
    bias,
    acceleration,
    resamples: total,
    lower: (alpha) => {
      const q = adjusted(alpha);
      return q * (total + 1) < 1 ? Number.NEGATIVE_INFINITY : quantile(q, true);
    },
    upper: (alpha) => {
      const q = adjusted(1 - alpha);
      return (1 - q) * (total + 1) < 1 ? Number.POSITIVE_INFINITY : quantile(q, false);
    }
  };
}
function jackknifeAcceleration(leaveOneOut) {
  let count = 0;
  let mean = 0;
  for (let i = 0; i < leaveOneOut.length; i++) {
    if (Number.isFinite(leaveOneOut[i])) {
      mean += leaveOneOut[i];
      count++;
    }
  }
  if (count < 3) return 0;
  mean /= count;
  let squares = 0;
  let cubes = 0;
  for (let i = 0; i < leaveOneOut.length; i++) {
    const value = leaveOneOut[i];
    if (!Number.isFinite(value)) continue;
    const d = mean - value;
    squares += d * d;
    cubes += d * d * d;
  }
  return squares > 0 ? cubes / (6 * squares ** 1.5) : 0;
}

// src/stats/bootstrap-summary.ts
var DEFAULT_RATIO_MAX_DRAWS = 2e3;
function assertBootstrapOptions(opts) {
  if (!Number.isSafeInteger(opts.resamples) || opts.resamples < 2) {
    throw new RangeError(`Expected \`resamples\` to be an integer >= 2, got ${String(opts.resamples)}.`);
  }
  assertLevel(opts.level);
  const cap = opts.maxDrawsPerResample;
  if (cap !== void 0 && !(cap === Number.POSITIVE_INFINITY || Number.isSafeInteger(cap) && cap >= 1)) {
    throw new RangeError(`Expected \`maxDrawsPerResample\` to be a positive integer, got ${String(cap)}.`);
  }
}
function summariseReplicates(replicates, opts) {
  const { values, undefinedCount } = replicates;
  const total = values.length + undefinedCount;
  const standardError = sampleStandardDeviation(values);
  const sorted = opts.keepSamples === true;
  if (sorted) values.sort();
  const lower = typeSevenPosition(total, (1 - opts.level) / 2);
  const upper = typeSevenPosition(total, (1 + opts.level) / 2);
  const lowerRank = lower.below - undefinedCount;
  const upperRank = upper.below;
  if (!sorted) selectRanks(values, [lowerRank, lowerRank + 1, upperRank, upperRank + 1]);
  const lowerAt = (rank2) => rank2 < 0 ? Number.NEGATIVE_INFINITY : values[rank2];
  const upperAt = (rank2) => rank2 >= values.length ? Number.POSITIVE_INFINITY : values[rank2];
  const interval = {
    lower: lower.fraction === 0 ? lowerAt(lowerRank) : interpolateType7(lowerAt(lowerRank), lowerAt(lowerRank + 1), lower.fraction),
    upper: upper.fraction === 0 ? upperAt(upperRank) : interpolateType7(upperAt(upperRank), upperAt(upperRank + 1), upper.fraction),
    level: opts.level
  };
  const result = {
    estimate: replicates.estimate,
    interval,
    standardError,
    resamples: total,
    n: replicates.n,
    method: replicates.method,
    drawsPerResample: replicates.drawsPerResample,
    undefinedResamples: undefinedCount
  };
  return sorted ? { ...result, samples: values } : result;
}
function typeSevenPosition(total, q) {
  const position = (total - 1) * q;
  const below = Math.floor(position);
  return { below, fraction: position - below };
}
function selectRanks(values, ranks) {
  let from = 0;
  for (const rank2 of ranks.filter((r) => r >= 0 && r < values.length).toSorted((a, b) => a - b)) {
    if (rank2 < from) continue;
    selectInPlace(values, rank2, from, values.length);
    from = rank2 + 1;
  }
}
function sampleStandardDeviation(values) {
  if (values.length < 2) return Number.NaN;
  let mean = 0;
  for (let i = 0; i < values.length; i++) mean += values[i];
  mean /= values.length;
  let squares = 0;
  for (let i = 0; i < values.length; i++) squares += (values[i] - mean) ** 2;
  return Math.sqrt(squares / (values.length - 1));
}

// src/stats/rng.ts
var TWO_POW_32 = 4294967296;
var INV_TWO_POW_32 = 1 / TWO_POW_32;
var INV_TWO_POW_53 = 1 / 9007199254740992;
var GOLDEN_GAMMA = 2654435769;
var MAX_FAST_BOUND = 2 ** 21;
function createRng(seed) {
  if (!Number.isSafeInteger(seed) || seed < 0) {
    throw new RangeError(`Expected \`seed\` to be a non-negative safe integer, got ${String(seed)}.`);
  }
  const low = seed >>> 0;
  const high = Math.floor(seed / TWO_POW_32);
  return new Xoshiro128StarStar(
    splitMix32(low, 1),
    splitMix32(low, 2),
    splitMix32(high ^ 1540483477, 1),
    splitMix32(high ^ 1540483477, 2)
  );
}
function splitMix32(state, step) {
  let z = state + Math.imul(GOLDEN_GAMMA, step) | 0;
  z = Math.imul(z ^ z >>> 16, 569420461);
  z = Math.imul(z ^ z >>> 15, 1935289751);
  return z ^ z >>> 15;
}
var Xoshiro128StarStar = class {
  s0;
  s1;
  s2;
  s3;
  // Lemire's rejection threshold (2^32 mod bound) is a division; cache it for the usual repeated bound.
  lastBound = 0;
  lastThreshold = 0;
  constructor(s0, s1, s2, s3) {
    this.s0 = s0 | 0;
    this.s1 = s1 | 0;
    this.s2 = s2 | 0;
    this.s3 = s3 | 0;
  }
  nextUint32() {
    const s0 = this.s0;
    const s1 = this.s1;
    const s2 = this.s2 ^ s0;
    const s3 = this.s3 ^ s1;
    const x = Math.imul(s1, 5);
    const result = Math.imul(x << 7 | x >>> 25, 9) >>> 0;
    this.s1 = s1 ^ s2;
    this.s0 = s0 ^ s3;
    this.s2 = s2 ^ s1 << 9;
    this.s3 = s3 << 11 | s3 >>> 21;
    return result;
  }
  nextFloat() {
    const high = this.nextUint32() >>> 5;
    const low = this.nextUint32() >>> 6;
    return (high * 67108864 + low) * INV_TWO_POW_53;
  }
  nextInt(bound) {
    if (!Number.isInteger(bound) || bound < 1 || bound > TWO_POW_32) {
      throw new RangeError(`Expected \`bound\` to be an integer in [1, 2^32], got ${String(bound)}.`);
    }
    if (bound > MAX_FAST_BOUND) return this.nextIntByModulo(bound);
    if (bound !== this.lastBound) {
      this.lastBound = bound;
      this.lastThreshold = TWO_POW_32 % bound;
    }
    const threshold = this.lastThreshold;
    for (; ; ) {
      const product = this.nextUint32() * bound;
      const index = Math.floor(product * INV_TWO_POW_32);
      if (product - index * TWO_POW_32 >= threshold) return index;
    }
  }
  // Exact for any bound up to 2^32, where the product trick above would lose bits.
  nextIntByModulo(bound) {
    const limit = TWO_POW_32 - TWO_POW_32 % bound;
    for (; ; ) {
      const value = this.nextUint32();
      if (value < limit) return value % bound;
    }
  }
};

// src/stats/binomial.ts
var INVERSION_MAX_MEAN = 10;
var LOG_FACTORIAL_TABLE_SIZE = 256;
var HALF_LOG_TWO_PI2 = 0.5 * Math.log(2 * Math.PI);
var INV_TWO_POW_532 = 1 / 9007199254740992;
var logFactorialTable = (() => {
  const table2 = new Float64Array(LOG_FACTORIAL_TABLE_SIZE);
  for (let k = 2; k < LOG_FACTORIAL_TABLE_SIZE; k++) table2[k] = table2[k - 1] + Math.log(k);
  return table2;
})();
function logFactorial(k) {
  if (k < LOG_FACTORIAL_TABLE_SIZE) return logFactorialTable[k];
  const inverse = 1 / k;
  const inverseSquared = inverse * inverse;
  const series = inverse * (1 / 12 - inverseSquared * (1 / 360 - inverseSquared / 1260));
  return (k + 0.5) * Math.log(k) - k + HALF_LOG_TWO_PI2 + series;
}
function drawBinomial(rng, n, p) {
  if (n === 0 || p === 0) return 0;
  if (p === 1) return n;
  if (p > 0.5) return n - drawBinomialLowP(rng, n, 1 - p);
  return drawBinomialLowP(rng, n, p);
}
function drawBinomialLowP(rng, n, p) {
  return n * p < INVERSION_MAX_MEAN ? drawByInversion(rng, n, p) : drawByTransformedRejection(rng, n, p);
}
function drawByInversion(rng, n, p) {
  const q = 1 - p;
  const odds = p / q;
  const scaled = (n + 1) * odds;
  const massAtZero = Math.exp(n * Math.log1p(-p));
  for (; ; ) {
    let u = rng.nextFloat();
    let mass = massAtZero;
    let k = 0;
    while (u > mass) {
      u -= mass;
      k++;
      mass *= scaled / k - odds;
      if (k > n || mass <= 0) break;
    }
    if (u <= mass && k <= n) return k;
  }
}
function drawByTransformedRejection(rng, n, p) {
  const q = 1 - p;
  const spq = Math.sqrt(n * p * q);
  const b = 1.15 + 2.53 * spq;
  const a = -0.0873 + 0.0248 * b + 0.01 * p;
  const c = n * p + 0.5;
  const vr = 0.92 - 4.2 / b;
  const fast = rng instanceof Xoshiro128StarStar;
  let s0 = fast ? rng.s0 : 0;
  let s1 = fast ? rng.s1 : 0;
  let s2 = fast ? rng.s2 : 0;
  let s3 = fast ? rng.s3 : 0;
  let alpha = 0;
  let logOdds = 0;
  let mode = -1;
  let logModeMass = 0;
  for (; ; ) {
    let u;
    let v;
    if (fast) {
      let t0 = s0;
      let t1 = s1;
      let t2 = s2 ^ t0;
      let t3 = s3 ^ t1;
      let x = Math.imul(t1, 5);
      const w0 = Math.imul(x << 7 | x >>> 25, 9) >>> 0;
      s1 = t1 ^ t2;
      s0 = t0 ^ t3;
      s2 = t2 ^ t1 << 9;
      s3 = t3 << 11 | t3 >>> 21;
      t0 = s0;
      t1 = s1;
      t2 = s2 ^ t0;
      t3 = s3 ^ t1;
      x = Math.imul(t1, 5);
      const w1 = Math.imul(x << 7 | x >>> 25, 9) >>> 0;
      s1 = t1 ^ t2;
      s0 = t0 ^ t3;
      s2 = t2 ^ t1 << 9;
      s3 = t3 << 11 | t3 >>> 21;
      t0 = s0;
      t1 = s1;
      t2 = s2 ^ t0;
      t3 = s3 ^ t1;
      x = Math.imul(t1, 5);
      const w2 = Math.imul(x << 7 | x >>> 25, 9) >>> 0;
      s1 = t1 ^ t2;
      s0 = t0 ^ t3;
      s2 = t2 ^ t1 << 9;
      s3 = t3 << 11 | t3 >>> 21;
      t0 = s0;
      t1 = s1;
      t2 = s2 ^ t0;
      t3 = s3 ^ t1;
      x = Math.imul(t1, 5);
      const w3 = Math.imul(x << 7 | x >>> 25, 9) >>> 0;
      s1 = t1 ^ t2;
      s0 = t0 ^ t3;
      s2 = t2 ^ t1 << 9;
      s3 = t3 << 11 | t3 >>> 21;
      u = ((w0 >>> 5) * 67108864 + (w1 >>> 6)) * INV_TWO_POW_532 - 0.5;
      v = ((w2 >>> 5) * 67108864 + (w3 >>> 6)) * INV_TWO_POW_532;
    } else {
      u = rng.nextFloat() - 0.5;
      v = rng.nextFloat();
    }
    const us = 0.5 - Math.abs(u);
    const k = Math.floor((2 * a / us + b) * u + c);
    if (k < 0 || k > n) continue;
    if (us >= 0.07 && v <= vr) return done(rng, fast, s0, s1, s2, s3, k);
    if (mode < 0) {
      alpha = (2.83 + 5.1 / b) * spq;
      logOdds = Math.log(p / q);
      mode = Math.floor((n + 1) * p);
      logModeMass = logFactorial(mode) + logFactorial(n - mode);
    }
    v = Math.log(v * alpha / (a / (us * us) + b));
    if (v <= logModeMass - logFactorial(k) - logFactorial(n - k) + (k - mode) * logOdds) return done(rng, fast, s0, s1, s2, s3, k);
  }
}
function done(rng, fast, s0, s1, s2, s3, k) {
  if (fast) {
    const state = rng;
    state.s0 = s0;
    state.s1 = s1;
    state.s2 = s2;
    state.s3 = s3;
  }
  return k;
}

// src/stats/resample.ts
var TWO_POW_322 = 4294967296;
var INV_TWO_POW_322 = 1 / TWO_POW_322;
var HALF = 65536;
function isFast(rng) {
  return rng instanceof Xoshiro128StarStar;
}
function hasFastPath(rng, bound) {
  return isFast(rng) && bound <= MAX_FAST_BOUND;
}
function fillIndices(rng, bound, out, count) {
  if (!hasFastPath(rng, bound)) {
    for (let i = 0; i < count; i++) out[i] = rng.nextInt(bound);
    return;
  }
  if (bound <= HALF) {
    fillSmallIndices(rng, bound, out, count);
    return;
  }
  const threshold = TWO_POW_322 % bound;
  let a = rng.s0;
  let b = rng.s1;
  let c = rng.s2;
  let d = rng.s3;
  let filled = 0;
  while (filled < count) {
    const t0 = a;
    const t1 = b;
    const t2 = c ^ t0;
    const t3 = d ^ t1;
    const x = Math.imul(t1, 5);
    const random = Math.imul(x << 7 | x >>> 25, 9) >>> 0;
    b = t1 ^ t2;
    a = t0 ^ t3;
    c = t2 ^ t1 << 9;
    d = t3 << 11 | t3 >>> 21;
    const product = random * bound;
    const index = product * INV_TWO_POW_322 | 0;
    out[filled] = index;
    filled += product - index * TWO_POW_322 < threshold ? 0 : 1;
  }
  rng.s0 = a;
  rng.s1 = b;
  rng.s2 = c;
  rng.s3 = d;
}
function fillSmallIndices(rng, bound, out, count) {
  const threshold = HALF % bound;
  let a = rng.s0;
  let b = rng.s1;
  let c = rng.s2;
  let d = rng.s3;
  let filled = 0;
  while (filled + 1 < count) {
    const t0 = a;
    const t1 = b;
    const t2 = c ^ t0;
    const t3 = d ^ t1;
    const x = Math.imul(t1, 5);
    const random = Math.imul(x << 7 | x >>> 25, 9);
    b = t1 ^ t2;
    a = t0 ^ t3;
    c = t2 ^ t1 << 9;
    d = t3 << 11 | t3 >>> 21;
    const low = (random & 65535) * bound;
    const high = (random >>> 16) * bound;
    out[filled] = low >>> 16;
    filled += (low & 65535) < threshold ? 0 : 1;
    out[filled] = high >>> 16;
    filled += (high & 65535) < threshold ? 0 : 1;
  }
  rng.s0 = a;
  rng.s1 = b;
  rng.s2 = c;
  rng.s3 = d;
  while (filled < count) {
    const low = (rng.nextUint32() & 65535) * bound;
    out[filled] = low >>> 16;
    filled += (low & 65535) < threshold ? 0 : 1;
  }
}
var ROW_BLOCK_SIZE = 4096;
function sumRowsOfDraws(rng, rows, width2, draws, out) {
  const n = rows.length / width2;
  out.fill(0, 0, width2);
  if (!isFast(rng)) {
    for (let i = 0; i < draws; i++) {
      const offset = rng.nextInt(n) * width2;
      for (let c = 0; c < width2; c++) out[c] += rows[offset + c];
    }
    return;
  }
  let remaining = draws;
  let sizeLeft = n;
  for (let start = 0; start < n && remaining > 0; start += ROW_BLOCK_SIZE) {
    const size = Math.min(ROW_BLOCK_SIZE, sizeLeft);
    const count = sizeLeft === size ? remaining : drawBinomial(rng, remaining, size / sizeLeft);
    if (width2 === 2) addPairRows(rng, rows, start, size, count, out);
    else addQuadRows(rng, rows, start, size, count, out);
    remaining -= count;
    sizeLeft -= size;
  }
}
function addPairRows(rng, rows, start, size, count, out) {
  const threshold = HALF % size;
  let a = rng.s0;
  let b = rng.s1;
  let c = rng.s2;
  let d = rng.s3;
  let s0 = out[0];
  let s1 = out[1];
  let needed = count;
  while (needed > 0) {
    const t0 = a;
    const t1 = b;
    const t2 = c ^ t0;
    const t3 = d ^ t1;
    const x = Math.imul(t1, 5);
    const random = Math.imul(x << 7 | x >>> 25, 9);
    b = t1 ^ t2;
    a = t0 ^ t3;
    c = t2 ^ t1 << 9;
    d = t3 << 11 | t3 >>> 21;
    const low = (random & 65535) * size;
    if ((low & 65535) >= threshold) {
      const offset = start + (low >>> 16) << 1;
      s0 += rows[offset];
      s1 += rows[offset + 1];
      needed--;
    }
    const high = (random >>> 16) * size;
    if (needed > 0 && (high & 65535) >= threshold) {
      const offset = start + (high >>> 16) << 1;
      s0 += rows[offset];
      s1 += rows[offset + 1];
      needed--;
    }
  }
  rng.s0 = a;
  rng.s1 = b;
  rng.s2 = c;
  rng.s3 = d;
  out[0] = s0;
  out[1] = s1;
}
function addQuadRows(rng, rows, start, size, count, out) {
  const threshold = HALF % size;
  let a = rng.s0;
  let b = rng.s1;
  let c = rng.s2;
  let d = rng.s3;
  let s0 = out[0];
  let s1 = out[1];
  let s2 = out[2];
  let s3 = out[3];
  let needed = count;
  while (needed > 0) {
    const t0 = a;
    const t1 = b;
    const t2 = c ^ t0;
    const t3 = d ^ t1;
    const x = Math.imul(t1, 5);
    const random = Math.imul(x << 7 | x >>> 25, 9);
    b = t1 ^ t2;
    a = t0 ^ t3;
    c = t2 ^ t1 << 9;
    d = t3 << 11 | t3 >>> 21;
    const low = (random & 65535) * size;
    if ((low & 65535) >= threshold) {
      const offset = start + (low >>> 16) << 2;
      s0 += rows[offset];
      s1 += rows[offset + 1];
      s2 += rows[offset + 2];
      s3 += rows[offset + 3];
      needed--;
    }
    const high = (random >>> 16) * size;
    if (needed > 0 && (high & 65535) >= threshold) {
      const offset = start + (high >>> 16) << 2;
      s0 += rows[offset];
      s1 += rows[offset + 1];
      s2 += rows[offset + 2];
      s3 += rows[offset + 3];
      needed--;
    }
  }
  rng.s0 = a;
  rng.s1 = b;
  rng.s2 = c;
  rng.s3 = d;
  out[0] = s0;
  out[1] = s1;
  out[2] = s2;
  out[3] = s3;
}
function drawMultinomial(rng, total, weights, out) {
  let remaining = total;
  let weightLeft = 0;
  for (let i = 0; i < weights.length; i++) weightLeft += weights[i];
  for (let i = 0; i < weights.length; i++) {
    const weight = weights[i];
    let count;
    if (remaining === 0) count = 0;
    else if (i === weights.length - 1 || weight >= weightLeft) count = remaining;
    else count = drawBinomial(rng, remaining, weight / weightLeft);
    out[i] = count;
    remaining -= count;
    weightLeft -= weight;
  }
}

// src/stats/bootstrap-ratio.ts
var RELATIVE_VARIANCE_FACTOR = 200;
function bootstrapRatioOfRatios(data, opts) {
  const columns = [
    ["candidateNumerator", data.candidateNumerator],
    ["candidateDenominator", data.candidateDenominator],
    ["parentNumerator", data.parentNumerator],
    ["parentDenominator", data.parentDenominator]
  ];
  const n = data.parentNumerator.length;
  if (n === 0) throw new RangeError("Expected at least one case.");
  const totals = new Float64Array(4);
  columns.forEach(([name, column], c) => {
    if (column.length !== n) throw new RangeError(`Expected \`${name}\` to have ${n} entries, got ${column.length}.`);
    for (let i = 0; i < n; i++) {
      const value = column[i];
      if (!(value >= 0 && value < Number.POSITIVE_INFINITY)) {
        throw new RangeError(`Expected \`${name}[${i}]\` to be a finite non-negative number, got ${String(value)}.`);
      }
      totals[c] += value;
    }
  });
  assertBootstrapOptions(opts);
  const estimate = ratioOfSums(totals);
  if (Number.isNaN(estimate)) {
    throw new RangeError("The ratio is undefined: a denominator sum or the parent numerator sum is zero.");
  }
  const rows = new Float64Array(4 * n);
  columns.forEach(([, column], c) => {
    for (let i = 0; i < n; i++) rows[4 * i + c] = column[i];
  });
  const draws = Math.min(n, opts.maxDrawsPerResample ?? ratioDrawsFor(columns.map(([, column]) => column), totals));
  const exponent = Math.sqrt(draws / n);
  const values = new Float64Array(opts.resamples);
  let defined = 0;
  const sums = new Float64Array(4);
  for (let r = 0; r < opts.resamples; r++) {
    sumRowsOfDraws(opts.rng, rows, 4, draws, sums);
    const replicate = ratioOfSums(sums);
    if (Number.isNaN(replicate)) continue;
    values[defined++] = draws === n ? replicate : estimate * (replicate / estimate) ** exponent;
  }
  return summariseReplicates(
    {
      estimate,
      values: values.subarray(0, defined),
      undefinedCount: opts.resamples - defined,
      n,
      method: draws === n ? "index" : "subsample",
      drawsPerResample: draws
    },
    opts
  );
}
function ratioOfSums(sums) {
  const candidateNumerator = sums[0];
  const candidateDenominator = sums[1];
  const parentNumerator = sums[2];
  const parentDenominator = sums[3];
  if (candidateDenominator === 0 || parentDenominator === 0 || parentNumerator === 0) return Number.NaN;
  return candidateNumerator * parentDenominator / (candidateDenominator * parentNumerator);
}
function ratioDrawsFor(columns, totals) {
  let worst = 0;
  columns.forEach((column, c) => {
    const total = totals[c];
    if (total === 0) return;
    let squares = 0;
    for (let i = 0; i < column.length; i++) squares += column[i] * column[i];
    worst = Math.max(worst, column.length * squares / (total * total) - 1);
  });
  return Math.max(DEFAULT_RATIO_MAX_DRAWS, Math.ceil(RELATIVE_VARIANCE_FACTOR * worst));
}

// src/stats/bootstrap-quantile.ts
var DEFAULT_WINDOW = { spreads: 4.5, slack: 12 };
var CELLS_IN_WINDOW = [1, 3, 4, 5, 7];
function bootstrapQuantileRatio(parent, candidate, q, opts) {
  return bootstrapQuantileRatioInWindow(parent, candidate, q, opts, DEFAULT_WINDOW);
}
function bootstrapQuantileRatioInWindow(parent, candidate, q, opts, window) {
  const n = parent.length;
  if (n === 0) throw new RangeError("Expected at least one case.");
  if (candidate.length !== n) throw new RangeError(`Expected \`candidate\` to have ${n} entries, got ${candidate.length}.`);
  for (const [name, values2] of [["parent", parent], ["candidate", candidate]]) {
    for (let i = 0; i < n; i++) {
      const value = values2[i];
      if (!(value >= 0 && value < Number.POSITIVE_INFINITY)) {
        throw new RangeError(`Expected \`${name}[${i}]\` to be a finite non-negative number, got ${String(value)}.`);
      }
    }
  }
  if (!(q >= 0 && q <= 1)) throw new RangeError(`Expected \`q\` to be in [0, 1], got ${String(q)}.`);
  assertBootstrapOptions(opts);
  const parentSide = rankSide(parent);
  const candidateSide = rankSide(candidate);
  const parentQuantile = quantileSorted(parentSide.sorted, q);
  if (parentQuantile === 0) throw new RangeError(`The ratio is undefined: the parent ${q}-quantile is 0.`);
  const estimate = quantileSorted(candidateSide.sorted, q) / parentQuantile;
  const position = (n - 1) * q;
  const target = Math.floor(position);
  const fraction = position - target;
  const needed = fraction > 0 ? 2 : 1;
  const halfWidth = Math.ceil(window.spreads * Math.sqrt(n * q * (1 - q)) + window.slack);
  const low = Math.max(0, target - halfWidth);
  const high = Math.min(n, target + needed + halfWidth);
  const cells = groupCells(windowRanks(parentSide, low, high), windowRanks(candidateSide, low, high), low, high);
  const counts = new Float64Array(9);
  const parentHistogram = new Int32Array(high - low);
  const candidateHistogram = new Int32Array(high - low);
  const picks = new Int32Array(n);
  const values = new Float64Array(opts.resamples);
  let defined = 0;
  for (let r = 0; r < opts.resamples; r++) {
    drawMultinomial(opts.rng, n, cells.sizes, counts);
    const parentBelow = counts[0] + counts[1] + counts[2];
    const parentInside = counts[3] + counts[4] + counts[5];
    const candidateBelow = counts[0] + counts[3] + counts[6];
    const candidateInside = counts[1] + counts[4] + counts[7];
    let replicateParent;
    let replicateCandidate;
    if (parentBelow <= target && parentBelow + parentInside >= target + needed && candidateBelow <= target && candidateBelow + candidateInside >= target + needed) {
      parentHistogram.fill(0);
      candidateHistogram.fill(0);
      for (const cell of CELLS_IN_WINDOW) {
        const start = cells.starts[cell];
        const drawn = counts[cell];
        fillIndices(opts.rng, cells.sizes[cell], picks, drawn);
        if (cell >= 3 && cell <= 5) countPicks(parentHistogram, cells.parentOffset, start, picks, drawn);
        if (cell % 3 === 1) countPicks(candidateHistogram, cells.candidateOffset, start, picks, drawn);
      }
      replicateParent = quantileFromHistogram(parentHistogram, low, target - parentBelow, fraction, parentSide.sorted);
      replicateCandidate = quantileFromHistogram(candidateHistogram, low, target - candidateBelow, fraction, candidateSide.sorted);
    } else {
      [replicateParent, replicateCandidate] = quantilesFromAllDraws(opts, cells, counts, parentSide, candidateSide, target, fraction);
    }
    if (replicateParent === 0) continue;
    values[defined++] = replicateCandidate / replicateParent;
  }
  return summariseReplicates(
    { estimate, values: values.subarray(0, defined), undefinedCount: opts.resamples - defined, n, method: "multinomial", drawsPerResample: n },
    opts
  );
}
function rankSide(values) {
  const sorted = values.toSorted();
  let ranks;
  const rank2 = () => {
    if (ranks !== void 0) return ranks;
    ranks = new Int32Array(values.length);
    const tiesTaken = new Int32Array(values.length);
    for (let i = 0; i < values.length; i++) {
      const first = lowerBound(sorted, values[i]);
      ranks[i] = first + tiesTaken[first]++;
    }
    return ranks;
  };
  return { values, sorted, rank: rank2 };
}
function windowRanks(side, low, high) {
  const { values, sorted } = side;
  const floor = sorted[low];
  const ceiling = sorted[high - 1];
  const out = new Int32Array(values.length);
  const tiesTaken = /* @__PURE__ */ new Map();
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (value < floor) out[i] = -1;
    else if (value > ceiling) out[i] = high;
    else {
      const first = lowerBound(sorted, value);
      const taken = tiesTaken.get(first) ?? 0;
      tiesTaken.set(first, taken + 1);
      out[i] = first + taken;
    }
  }
  return out;
}
function lowerBound(sorted, target) {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = low + high >>> 1;
    if (sorted[middle] < target) low = middle + 1;
    else high = middle;
  }
  return low;
}
function countPicks(histogram, offsets, start, picks, drawn) {
  for (let t = 0; t < drawn; t++) histogram[offsets[start + picks[t]]]++;
}
function groupCells(parentRank, candidateRank, low, high) {
  const classOf = (rank2) => rank2 < low ? 0 : rank2 < high ? 1 : 2;
  const cellOf = new Int32Array(parentRank.length);
  const sizes = new Float64Array(9);
  for (let i = 0; i < parentRank.length; i++) {
    const cell = 3 * classOf(parentRank[i]) + classOf(candidateRank[i]);
    cellOf[i] = cell;
    sizes[cell]++;
  }
  const starts = new Int32Array(10);
  for (let cell = 0; cell < 9; cell++) starts[cell + 1] = starts[cell] + sizes[cell];
  const next = starts.slice(0, 9);
  const cases = new Int32Array(parentRank.length);
  const parentOffset = new Int32Array(parentRank.length);
  const candidateOffset = new Int32Array(parentRank.length);
  for (let i = 0; i < cellOf.length; i++) {
    const slot = next[cellOf[i]]++;
    cases[slot] = i;
    parentOffset[slot] = parentRank[i] - low;
    candidateOffset[slot] = candidateRank[i] - low;
  }
  return { cases, starts, sizes, parentOffset, candidateOffset };
}
function quantileFromHistogram(histogram, offset, position, fraction, sorted) {
  let seen = 0;
  let bin = 0;
  while (seen + histogram[bin] <= position) seen += histogram[bin++];
  const lowValue = sorted[offset + bin];
  if (fraction === 0) return lowValue;
  if (seen + histogram[bin] <= position + 1) {
    bin++;
    while (histogram[bin] === 0) bin++;
  }
  const highValue = sorted[offset + bin];
  return lowValue === highValue ? lowValue : lowValue + fraction * (highValue - lowValue);
}
function quantilesFromAllDraws(opts, cells, counts, parentSide, candidateSide, target, fraction) {
  const parentRank = parentSide.rank();
  const candidateRank = candidateSide.rank();
  const parentRanks = new Int32Array(parentRank.length);
  const candidateRanks = new Int32Array(parentRank.length);
  let drawn = 0;
  for (let cell = 0; cell < 9; cell++) {
    for (let t = 0; t < counts[cell]; t++) {
      const index = cells.cases[cells.starts[cell] + opts.rng.nextInt(cells.sizes[cell])];
      parentRanks[drawn] = parentRank[index];
      candidateRanks[drawn++] = candidateRank[index];
    }
  }
  const pick = (ranks, sorted) => {
    ranks.sort();
    const lowValue = sorted[ranks[target]];
    if (fraction === 0) return lowValue;
    const highValue = sorted[ranks[target + 1]];
    return lowValue === highValue ? lowValue : lowValue + fraction * (highValue - lowValue);
  };
  return [pick(parentRanks, parentSide.sorted), pick(candidateRanks, candidateSide.sorted)];
}

// src/stats/bootstrap-quantile-clustered.ts
function bootstrapClusteredQuantileRatio(parent, candidate, clusterOfCase, q, opts) {
  const n = parent.length;
  if (n === 0) throw new RangeError("Expected at least one case.");
  if (candidate.length !== n || clusterOfCase.length !== n)
    throw new RangeError(`Expected \`candidate\` and \`clusterOfCase\` to have ${n} entries.`);
  let k = 0;
  for (let i = 0; i < n; i++) {
    for (const [name, values2] of [
      ["parent", parent],
      ["candidate", candidate]
    ]) {
      const value = values2[i];
      if (!(value >= 0 && value < Number.POSITIVE_INFINITY))
        throw new RangeError(`Expected \`${name}[${i}]\` to be a finite non-negative number, got ${String(value)}.`);
    }
    const cluster = clusterOfCase[i];
    if (!(cluster >= 0))
      throw new RangeError(`Expected \`clusterOfCase[${i}]\` to be a non-negative index, got ${cluster}.`);
    if (cluster >= k) k = cluster + 1;
  }
  if (!(q >= 0 && q <= 1)) throw new RangeError(`Expected \`q\` to be in [0, 1], got ${String(q)}.`);
  assertBootstrapOptions(opts);
  const sizes = new Float64Array(k);
  for (let i = 0; i < n; i++) sizes[clusterOfCase[i]]++;
  const renumber = new Int32Array(k).fill(-1);
  let used = 0;
  for (let j = 0; j < k; j++) if (sizes[j] > 0) renumber[j] = used++;
  const clusters = Int32Array.from(clusterOfCase, (c) => renumber[c]);
  const clusterSizes = sizes.filter((s) => s > 0);
  const parentSide = sortSide(parent, clusters);
  const candidateSide = sortSide(candidate, clusters);
  const ones = new Float64Array(used).fill(1);
  const parentQuantile = weightedQuantile(parentSide, ones, n, q);
  if (parentQuantile === 0) throw new RangeError(`The ratio is undefined: the parent ${q}-quantile is 0.`);
  const estimate = weightedQuantile(candidateSide, ones, n, q) / parentQuantile;
  const draws = new Int32Array(used);
  const counts = new Float64Array(used);
  const values = new Float64Array(opts.resamples);
  let defined = 0;
  for (let r = 0; r < opts.resamples; r++) {
    fillIndices(opts.rng, used, draws, used);
    counts.fill(0);
    let weight = 0;
    for (let t = 0; t < used; t++) {
      counts[draws[t]]++;
      weight += clusterSizes[draws[t]];
    }
    const replicateParent = weightedQuantile(parentSide, counts, weight, q);
    if (replicateParent === 0) continue;
    values[defined++] = weightedQuantile(candidateSide, counts, weight, q) / replicateParent;
  }
  return summariseReplicates(
    {
      estimate,
      values: values.subarray(0, defined),
      undefinedCount: opts.resamples - defined,
      n: used,
      method: "index",
      drawsPerResample: used
    },
    opts
  );
}
function sortSide(values, clusters) {
  const sorted = values.toSorted();
  const sortedClusters = new Int32Array(values.length);
  const tiesTaken = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const first = lowerBound2(sorted, values[i]);
    sortedClusters[first + tiesTaken[first]++] = clusters[i];
  }
  return { values: sorted, clusters: sortedClusters };
}
function lowerBound2(sorted, target) {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = low + high >>> 1;
    if (sorted[middle] < target) low = middle + 1;
    else high = middle;
  }
  return low;
}
function weightedQuantile(side, weights, total, q) {
  const position = (total - 1) * q;
  const below = Math.floor(position);
  const fraction = position - below;
  const low = orderStatistic(side, weights, total, below);
  if (fraction === 0) return low;
  const high = orderStatistic(side, weights, total, below + 1);
  return low === high ? low : low + fraction * (high - low);
}
function orderStatistic(side, weights, total, rank2) {
  const { values, clusters } = side;
  let seen = 0;
  if (2 * rank2 < total) {
    for (let i = 0; i < values.length; i++) {
      seen += weights[clusters[i]];
      if (seen > rank2) return values[i];
    }
    return values[values.length - 1];
  }
  const fromTop = total - 1 - rank2;
  for (let i = values.length - 1; i >= 0; i--) {
    seen += weights[clusters[i]];
    if (seen > fromTop) return values[i];
  }
  return values[0];
}

// src/stats/mcnemar.ts
function mcnemarExact(b, c, alternative) {
  for (const [name, value] of [["b", b], ["c", c]]) {
    if (!Number.isSafeInteger(value) || value < 0) {
      throw new RangeError(`Expected \`${name}\` to be a non-negative safe integer, got ${String(value)}.`);
    }
  }
  const discordant = b + c;
  let pValue;
  if (alternative === "greater") {
    pValue = halfBinomialLowerTail(b, discordant);
  } else if (b === c) {
    pValue = 1;
  } else {
    pValue = Math.min(1, 2 * halfBinomialLowerTail(Math.min(b, c), discordant));
  }
  return { b, c, pValue };
}
function halfBinomialLowerTail(k, n) {
  if (k >= n) return 1;
  let term = Math.exp(logFactorial(n) - logFactorial(k) - logFactorial(n - k) - n * Math.LN2);
  let sum2 = term;
  for (let i = k; i > 0; i--) {
    term *= i / (n - i + 1);
    sum2 += term;
    if (term < sum2 * 1e-17) break;
  }
  return Math.min(1, sum2);
}

// src/stats/paired-score.ts
function assertPairedCounts(counts) {
  for (const key of ["n", "fixes", "regressions"]) {
    const value = counts[key];
    if (!Number.isSafeInteger(value) || value < 0)
      throw new RangeError(`Expected \`${key}\` to be a non-negative safe integer, got ${String(value)}.`);
  }
  if (counts.fixes + counts.regressions > counts.n) {
    throw new RangeError(
      `Expected fixes + regressions <= n, got ${counts.fixes} + ${counts.regressions} > ${counts.n}.`
    );
  }
}
function tangoStatistic(counts, delta0) {
  assertPairedCounts(counts);
  if (!(delta0 >= -1 && delta0 <= 1))
    throw new RangeError(`Expected \`delta0\` to be in [−1, 1], got ${String(delta0)}.`);
  return scoreStatistic(counts.n, counts.fixes, counts.regressions, delta0);
}
function scoreStatistic(n, b, c, delta0) {
  const numerator = b - c - n * delta0;
  if (n === 0) return 0;
  const quadB = -b - c + (2 * n - b + c) * delta0;
  const quadC = -c * delta0 * (1 - delta0);
  const discriminant = Math.max(0, quadB * quadB - 8 * n * quadC);
  const root = Math.sqrt(discriminant);
  const q = quadB > 0 ? -2 * quadC / (quadB + root) : (root - quadB) / (4 * n);
  const variance = n * (2 * q + delta0 * (1 - delta0));
  if (!(variance > 0)) return numerator === 0 ? 0 : numerator > 0 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
  return numerator / Math.sqrt(variance);
}
function tangoPValue(counts, delta0, alternative) {
  const t = tangoStatistic(counts, delta0);
  return alternative === "less" ? normalCdf(t) : normalCdf(-t);
}
function tangoBound(counts, side, alpha) {
  assertPairedCounts(counts);
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`Expected \`alpha\` to be in (0, 1), got ${String(alpha)}.`);
  const { n, fixes, regressions } = counts;
  if (n === 0) return side === "lower" ? -1 : 1;
  const z = normalQuantile(1 - alpha);
  const target = side === "lower" ? z : -z;
  let low = -1;
  let high = 1;
  if (scoreStatistic(n, fixes, regressions, low) <= target) return -1;
  if (scoreStatistic(n, fixes, regressions, high) >= target) return 1;
  for (let iteration = 0; iteration < 100 && high - low > 1e-12; iteration++) {
    const middle = (low + high) / 2;
    if (scoreStatistic(n, fixes, regressions, middle) > target) low = middle;
    else high = middle;
  }
  return side === "lower" ? low : high;
}

// src/stats/student-t.ts
var NORMAL_DF = 1e9;
function studentTCdf(t, df) {
  if (!(df > 0)) throw new RangeError(`Expected \`df\` to be positive, got ${String(df)}.`);
  if (Number.isNaN(t)) throw new RangeError("Expected `t` to be a number, got NaN.");
  if (df >= NORMAL_DF) return normalCdf(t);
  if (t === Number.POSITIVE_INFINITY) return 1;
  if (t === Number.NEGATIVE_INFINITY) return 0;
  const tail = 0.5 * regularizedBeta(df / (df + t * t), df / 2, 0.5);
  return t < 0 ? tail : 1 - tail;
}
function studentTQuantile(p, df) {
  if (!(df > 0)) throw new RangeError(`Expected \`df\` to be positive, got ${String(df)}.`);
  if (!(p >= 0 && p <= 1)) throw new RangeError(`Expected \`p\` to be in [0, 1], got ${String(p)}.`);
  if (df >= NORMAL_DF) return normalQuantile(p);
  if (p === 0.5) return 0;
  if (p === 0) return Number.NEGATIVE_INFINITY;
  if (p === 1) return Number.POSITIVE_INFINITY;
  const tail = Math.min(p, 1 - p);
  const x = inverseRegularizedBeta(2 * tail, df / 2, 0.5);
  const magnitude = x === 0 ? Number.POSITIVE_INFINITY : Math.sqrt(df * (1 - x) / x);
  return p < 0.5 ? -magnitude : magnitude;
}

// src/stats/delta-inference.ts
function scoreInference(counts) {
  assertPairedCounts(counts);
  if (counts.n === 0) throw new RangeError("Expected at least one paired case.");
  const { n, fixes, regressions } = counts;
  const estimate = (fixes - regressions) / n;
  const variance = (fixes + regressions) / n - estimate * estimate;
  return {
    method: "tango-score",
    estimate,
    standardError: Math.sqrt(Math.max(variance, 0) / n),
    units: n,
    cases: n,
    pBelow: (threshold) => tangoPValue(counts, clampDelta(threshold), "less"),
    pAbove: (threshold) => tangoPValue(counts, clampDelta(threshold), "greater"),
    lower: (alpha) => tangoBound(counts, "lower", alpha),
    upper: (alpha) => tangoBound(counts, "upper", alpha)
  };
}
function studentizedInference(delta) {
  const { estimate, standardError, df } = delta;
  const quantiles = /* @__PURE__ */ new Map();
  const quantile = (alpha) => {
    let q = quantiles.get(alpha);
    if (q === void 0) {
      q = studentTQuantile(1 - alpha, df);
      quantiles.set(alpha, q);
    }
    return q;
  };
  const t = (threshold) => standardError > 0 ? (estimate - threshold) / standardError : estimate > threshold ? Infinity : estimate < threshold ? -Infinity : 0;
  return {
    method: "cluster-t",
    estimate,
    standardError,
    units: delta.units,
    cases: delta.cases,
    pBelow: (threshold) => studentTCdf(t(threshold), df),
    pAbove: (threshold) => studentTCdf(-t(threshold), df),
    lower: (alpha) => estimate - quantile(alpha) * standardError,
    upper: (alpha) => estimate + quantile(alpha) * standardError
  };
}
function cautiousInference(first, second) {
  return {
    method: first.method === "exact-mcnemar" ? "exact-mcnemar+cluster-t" : "tango-score+cluster-t",
    estimate: first.estimate,
    standardError: Math.max(first.standardError, second.standardError),
    units: Math.min(first.units, second.units),
    cases: first.cases,
    pBelow: (threshold) => Math.max(first.pBelow(threshold), second.pBelow(threshold)),
    pAbove: (threshold) => Math.max(first.pAbove(threshold), second.pAbove(threshold)),
    lower: (alpha) => Math.min(first.lower(alpha), second.lower(alpha)),
    upper: (alpha) => Math.max(first.upper(alpha), second.upper(alpha))
  };
}
function exactMcNemarInference(counts) {
  const score = scoreInference(counts);
  return {
    ...score,
    method: "exact-mcnemar",
    pBelow: (threshold) => threshold === 0 ? mcnemarExact(counts.fixes, counts.regressions, "greater").pValue : score.pBelow(threshold)
  };
}
function clampDelta(threshold) {
  return Math.min(1, Math.max(-1, threshold));
}

// src/stats/power.ts
function unitsToDecide(comparison, target = 0.8, cap = 1e7) {
  const { distance, sd, units, passZ, failZ } = comparison;
  if (!Number.isSafeInteger(units) || units < 1)
    throw new RangeError(`Expected \`units\` to be a positive integer, got ${String(units)}.`);
  if (!(sd >= 0)) throw new RangeError(`Expected \`sd\` to be non-negative, got ${String(sd)}.`);
  if (!(target > 0 && target < 1)) throw new RangeError(`Expected \`target\` to be in (0, 1), got ${String(target)}.`);
  if (sd === 0) return units + 1;
  const decides = (n) => {
    const se = sd / Math.sqrt(n);
    const spread = sd * Math.sqrt(1 / units - 1 / n);
    return normalCdf((distance - passZ * se) / spread) + normalCdf((-distance - failZ * se) / spread) >= target;
  };
  let low = units;
  let high = units + 1;
  while (!decides(high)) {
    low = high;
    high = Math.min(cap, 2 * high);
    if (low >= cap) return cap;
  }
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (decides(middle)) high = middle;
    else low = middle;
  }
  return high;
}

// src/stats/studentized-delta.ts
function studentizeDelta(units) {
  const { totals, sizes, strata } = units;
  const k = totals.length;
  if (k < 2) throw new RangeError(`Expected at least two units, got ${k}.`);
  if (sizes.length !== k) throw new RangeError(`Expected ${k} sizes, got ${sizes.length}.`);
  let sum2 = 0;
  let n = 0;
  for (let j = 0; j < k; j++) {
    if (!(sizes[j] > 0)) throw new RangeError(`Expected \`sizes[${j}]\` to be positive, got ${String(sizes[j])}.`);
    sum2 += totals[j];
    n += sizes[j];
  }
  const estimate = sum2 / n;
  const pseudo = 2;
  const strataCount = strata ? countStrata(strata, k) : void 0;
  if (strata && strataCount && strataCount.usable) {
    const s = strataCount.unitsPer.length;
    const stratumTotal = new Float64Array(s);
    const stratumSize = new Float64Array(s);
    for (let j = 0; j < k; j++) {
      stratumTotal[strata[j]] += totals[j];
      stratumSize[strata[j]] += sizes[j];
    }
    const squares2 = new Float64Array(s);
    for (let j = 0; j < k; j++) {
      const h = strata[j];
      squares2[h] += (totals[j] - stratumTotal[h] / stratumSize[h] * sizes[j]) ** 2;
    }
    let variance2 = 0;
    for (let h = 0; h < s; h++) {
      const kh = strataCount.unitsPer[h];
      variance2 += kh / (kh - 1) * squares2[h];
    }
    variance2 = Math.max(variance2, k / (k - 1) * pseudo);
    return { estimate, standardError: Math.sqrt(variance2) / n, df: k - s, units: k, cases: n, stratified: true };
  }
  let squares = 0;
  for (let j = 0; j < k; j++) squares += (totals[j] - estimate * sizes[j]) ** 2;
  const variance = k / (k - 1) * Math.max(squares, pseudo);
  return { estimate, standardError: Math.sqrt(variance) / n, df: k - 1, units: k, cases: n, stratified: false };
}
function countStrata(strata, k) {
  let s = 0;
  for (let j = 0; j < k; j++) {
    const h = strata[j];
    if (!(h >= 0)) throw new RangeError(`Expected \`strata[${j}]\` to be a non-negative index, got ${h}.`);
    if (h + 1 > s) s = h + 1;
  }
  const unitsPer = new Int32Array(s);
  for (let j = 0; j < k; j++) unitsPer[strata[j]]++;
  let usable = s >= 2 && 2 * s <= k;
  for (let h = 0; h < s && usable; h++) if (unitsPer[h] < 2) usable = false;
  return { unitsPer, usable };
}

// src/gates/paired.ts
function indexClusters(labels, n) {
  if (!labels || labels.every((label) => label === void 0)) return void 0;
  const ids = /* @__PURE__ */ new Map();
  const index = new Int32Array(n);
  let count = 0;
  for (let i = 0; i < n; i++) {
    const label = labels[i];
    if (label === void 0) {
      index[i] = count++;
      continue;
    }
    let id = ids.get(label);
    if (id === void 0) {
      id = count++;
      ids.set(label, id);
    }
    index[i] = id;
  }
  return { index, count };
}
function subsetClusters(clusters, positions, scratch) {
  const index = new Int32Array(positions.length);
  let count = 0;
  for (let t = 0; t < positions.length; t++) {
    const global = clusters.index[positions[t]];
    if (scratch[global] === -1) scratch[global] = count++;
    index[t] = scratch[global];
  }
  for (let t = 0; t < positions.length; t++) scratch[clusters.index[positions[t]]] = -1;
  return { index, count };
}
function deriveSeed(seed, name) {
  let hash = 2166136261 ^ seed >>> 0;
  for (let i = 0; i < name.length; i++) {
    hash ^= name.charCodeAt(i);
    hash = Math.imul(hash, 16777619);
  }
  return hash >>> 0;
}
function inferDelta(sample, exactAtZero = false) {
  const { deltas, clusters } = sample;
  let binary = true;
  let plus = 0;
  let minus = 0;
  for (let i = 0; i < deltas.length; i++) {
    const d = deltas[i];
    if (d === 1) plus++;
    else if (d === -1) minus++;
    else if (d !== 0) binary = false;
  }
  const counts = { n: deltas.length, fixes: plus, regressions: minus };
  if (binary && !clusters) return inferCounts(counts, exactAtZero);
  const units = unitsOf(sample);
  const studentized = units === void 0 ? noInformation(deltas.length) : studentizedInference(studentizeDelta(units));
  return binary ? cautiousInference(inferCounts(counts, exactAtZero), studentized) : studentized;
}
function inferCounts(counts, exactAtZero = false) {
  if (counts.n === 0) return noInformation(0);
  return exactAtZero ? exactMcNemarInference(counts) : scoreInference(counts);
}
function unitsOf(sample) {
  const { deltas, clusters, strata } = sample;
  const n = deltas.length;
  if (!clusters) {
    if (n < 2) return void 0;
    return { totals: deltas, sizes: new Float64Array(n).fill(1), ...strata ? { strata } : {} };
  }
  const local = new Int32Array(clusters.count).fill(-1);
  let k = 0;
  for (let i = 0; i < n; i++) {
    const c = clusters.index[i];
    if (local[c] === -1) local[c] = k++;
  }
  if (k < 2) return void 0;
  const totals = new Float64Array(k);
  const sizes = new Float64Array(k);
  const unitStrata = strata ? new Int32Array(k).fill(-1) : void 0;
  let nested = strata !== void 0;
  for (let i = 0; i < n; i++) {
    const j = local[clusters.index[i]];
    totals[j] += deltas[i];
    sizes[j] += 1;
    if (unitStrata && strata) {
      if (unitStrata[j] === -1) unitStrata[j] = strata[i];
      else if (unitStrata[j] !== strata[i]) nested = false;
    }
  }
  return { totals, sizes, ...nested && unitStrata ? { strata: unitStrata } : {} };
}
function noInformation(cases) {
  return {
    method: "cluster-t",
    estimate: 0,
    standardError: Number.NaN,
    units: Math.min(cases, 1),
    cases,
    pBelow: () => 1,
    pAbove: () => 1,
    lower: () => -1,
    upper: () => 1
  };
}
function failTest(spec, id, group) {
  let p;
  return { id, group, rejectsAt: (level) => (p ??= failP(spec)) <= level };
}
function failP(spec) {
  const x = spec.threshold / 100;
  return spec.worse === "lower" ? spec.inference.pBelow(x) : spec.inference.pAbove(x);
}
function passShown(spec, passAlpha) {
  return spec.worse === "lower" ? spec.inference.lower(passAlpha) * 100 >= spec.threshold : spec.inference.upper(passAlpha) * 100 <= spec.threshold;
}
function estimateBeyond(spec) {
  const estimate = spec.inference.estimate * 100;
  return spec.worse === "lower" ? estimate < spec.threshold : estimate > spec.threshold;
}
function worseBound(spec, alpha) {
  return (spec.worse === "lower" ? spec.inference.lower(alpha) : spec.inference.upper(alpha)) * 100;
}
function failBound(spec, alpha) {
  return (spec.worse === "lower" ? spec.inference.upper(alpha) : spec.inference.lower(alpha)) * 100;
}
function deltaMeasure(spec, passAlpha, decision, verdict, n) {
  const { inference } = spec;
  const hasAlpha = decision !== void 0 && decision.alpha > 0;
  return {
    name: spec.name,
    label: spec.label,
    unit: "pp",
    estimate: round(inference.estimate * 100),
    interval: {
      lower: round(inference.lower(passAlpha) * 100),
      upper: round(inference.upper(passAlpha) * 100),
      level: round(1 - 2 * passAlpha, 10)
    },
    threshold: spec.threshold === 0 ? 0 : spec.threshold,
    worse: spec.worse,
    ...decision !== void 0 ? { p_value: round(failP(spec), 10) } : {},
    ...hasAlpha ? { alpha: round(decision.alpha, 10), bound_at_alpha: round(failBound(spec, decision.alpha)) } : {},
    method: inference.method,
    n,
    ...spec.clustered ? { clusters: inference.units } : {},
    verdict
  };
}
function boundSentence(spec, alpha, margin) {
  const bound = worseBound(spec, alpha);
  const side = spec.worse === "lower" ? "lower" : "upper";
  const within = spec.worse === "lower" ? bound >= spec.threshold : bound <= spec.threshold;
  const where = within ? "within" : "beyond";
  return `the one-sided ${formatConfidence(1 - alpha)} ${side} bound, ${signedPp(bound)}, is ${where} the ${margin}`;
}
function failSentence(spec, decision) {
  const side = spec.worse === "lower" ? "upper" : "lower";
  const value = failBound(spec, decision.alpha);
  const significant = `significant at this test's α = ${formatAlpha(decision.alpha)} of the error budget`;
  const beyond = spec.worse === "lower" ? value < spec.threshold : value > spec.threshold;
  if (!beyond) return significant;
  return `${significant} (one-sided ${formatConfidence(1 - decision.alpha)} ${side} bound ${signedPp(value)})`;
}
function unitsToDecideSpec(spec, nextPassAlpha, nextAlpha, estimateOnly = false) {
  const { inference } = spec;
  const units = Math.max(1, inference.units);
  const estimate = inference.estimate * 100;
  const distance = spec.worse === "lower" ? estimate - spec.threshold : spec.threshold - estimate;
  const meanSize = inference.cases / units;
  const sd = Math.max(
    Number.isFinite(inference.standardError) ? inference.standardError * 100 * Math.sqrt(units) : 0,
    100 * meanSize / Math.sqrt(units)
  );
  return unitsToDecide({
    distance,
    sd,
    units,
    passZ: estimateOnly ? 0 : normalQuantile(1 - nextPassAlpha),
    failZ: nextAlpha > 0 ? normalQuantile(1 - nextAlpha) : Number.POSITIVE_INFINITY
  });
}
function signedPp(value) {
  const digits = Math.abs(value) < 1 ? 2 : 1;
  const shown = Number(value.toFixed(digits));
  const sign2 = shown > 0 ? "+" : shown < 0 ? "−" : "±";
  return `${sign2}${Math.abs(shown).toFixed(digits)} pp`;
}
function formatAlpha(alpha) {
  return alpha < 1e-4 ? alpha.toExponential(1) : alpha.toPrecision(2).replace(/0+$/, "").replace(/\.$/, "");
}

// src/gates/ratio-gate.ts
function ratioTest(spec, id, group) {
  return { id, group, rejectsAt: (level) => spec.bounds.lower(level) > spec.limit };
}
function judgeRatio(spec, decision, passAlpha, options) {
  const { bounds, limit } = spec;
  const upper = bounds.upper(passAlpha);
  const lower = bounds.lower(passAlpha);
  const rise = decision.rejected;
  const fails = rise && options.justified === void 0;
  const passes = options.enough && upper <= limit || options.justified !== void 0;
  const verdict = fails ? "fail" : passes ? "pass" : "inconclusive";
  const shown = reportInterval({ lower, upper, level: round(1 - 2 * passAlpha, 10) });
  const atAlpha = decision.alpha > 0 ? bounds.lower(decision.alpha) : Number.NaN;
  const headline = {
    name: spec.name,
    label: spec.label,
    unit: "ratio",
    estimate: round(bounds.estimate),
    ...shown ? { interval: shown } : {},
    threshold: round(limit),
    ...decision.alpha > 0 ? { alpha: round(decision.alpha, 10) } : {},
    ...Number.isFinite(atAlpha) ? { bound_at_alpha: round(atAlpha) } : {},
    method: spec.method,
    n: spec.n,
    ...spec.clusters !== void 0 ? { clusters: spec.clusters } : {},
    verdict
  };
  const interval = shown ? formatInterval(shown, "ratio") : "interval unbounded: some resamples had no defined ratio";
  const bound = `one-sided ${formatConfidence(1 - decision.alpha)} lower bound ${formatValue(atAlpha, "ratio")}`;
  const significance = `significant at this test's α = ${formatAlpha(decision.alpha)} of the error budget (${bound})`;
  const upperText = Number.isFinite(upper) ? `the one-sided ${formatConfidence(1 - passAlpha)} upper bound, ${formatValue(upper, "ratio")},` : `the one-sided ${formatConfidence(1 - passAlpha)} upper bound is unbounded and`;
  const few = `only ${formatCount(spec.clusters ?? spec.n)} ${spec.clusters !== void 0 ? "clusters" : "paired cases"}`;
  const notSignificant = rise ? "" : ", and a rise beyond it is not significant";
  let why;
  if (fails) why = `: a rise beyond the ${options.limitText}, ${significance}${options.unjustified ?? ""}`;
  else if (options.justified !== void 0) why = `; ${options.justified}`;
  else if (passes) why = `; ${upperText} is within the ${options.limitText}`;
  else if (!options.enough) why = `: ${few} (minimum ${options.minimum})`;
  else why = `: ${upperText} is beyond the ${options.limitText}${notSignificant}`;
  return { verdict, headline, interval, why };
}

// src/gates/cost.ts
function prepareCost(cases, policy, levels, quality, ceilingUsd) {
  const golden = cases.filter(
    (c) => c.suite === "golden" && c.parent.cost_usd !== void 0 && c.candidate.cost_usd !== void 0
  );
  const { cost } = policy.gates;
  if (golden.length === 0) {
    return done2({
      gate: "cost",
      verdict: "not_applicable",
      reason: "The evidence has no cost_usd on paired golden cases.",
      measures: [],
      on_failure: "reject"
    });
  }
  const { statistics } = policy;
  const clusters = indexClusters(
    golden.map((c) => c.cluster),
    golden.length
  );
  const units = clusters?.count ?? golden.length;
  const data = {
    parentNumerator: new Float64Array(units),
    parentDenominator: new Float64Array(units),
    candidateNumerator: new Float64Array(units),
    candidateDenominator: new Float64Array(units)
  };
  golden.forEach((c, i) => {
    const j = clusters ? clusters.index[i] : i;
    data.parentNumerator[j] += c.parent.cost_usd;
    data.parentDenominator[j] += c.parent.pass;
    data.candidateNumerator[j] += c.candidate.cost_usd;
    data.candidateDenominator[j] += c.candidate.pass;
  });
  const parentSuccesses = sum(data.parentDenominator);
  const candidateSuccesses = sum(data.candidateDenominator);
  if (parentSuccesses === 0 || candidateSuccesses === 0) {
    const side = parentSuccesses === 0 ? "parent" : "candidate";
    return done2({
      gate: "cost",
      verdict: "inconclusive",
      reason: `Cost per successful task is undefined: the ${side} has no successful golden case.`,
      measures: [],
      on_failure: "reject"
    });
  }
  const parentCps = sum(data.parentNumerator) / parentSuccesses;
  const candidateCps = sum(data.candidateNumerator) / candidateSuccesses;
  const offset = quality !== void 0 && quality.lowerPp >= cost.offsetting_quality_gain_pp;
  const gainBound = offset ? `one-sided ${formatConfidence(1 - levels.passAlpha)} lower bound ${signedPp(quality.lowerPp)}` : "";
  const gain = `a quality gain shown to be at least ${cost.offsetting_quality_gain_pp.toFixed(1)} pp`;
  const justification = offset ? `justified by ${gain} (${gainBound})` : void 0;
  const overCeiling = ceilingUsd !== void 0 && candidateCps > ceilingUsd;
  const cpsMeasures = [
    {
      name: "parent_cost_per_success",
      label: "Parent cost per successful task",
      unit: "usd",
      estimate: round(parentCps, 8),
      n: golden.length,
      verdict: "pass"
    },
    {
      name: "candidate_cost_per_success",
      label: "Candidate cost per successful task",
      unit: "usd",
      estimate: round(candidateCps, 8),
      ...ceilingUsd !== void 0 ? { threshold: ceilingUsd } : {},
      n: golden.length,
      verdict: overCeiling ? "fail" : "pass"
    }
  ];
  if (parentCps === 0) {
    const change = `Cost per successful task rose from ${formatValue(0, "usd")} to ${formatValue(candidateCps, "usd")}`;
    if (overCeiling)
      return done2({
        gate: "cost",
        verdict: "fail",
        reason: `${change}, above the ${formatValue(ceilingUsd, "usd")} ceiling in delivery.slo.`,
        measures: cpsMeasures,
        on_failure: "reject"
      });
    if (candidateCps === 0)
      return done2({
        gate: "cost",
        verdict: "pass",
        reason: "Neither package costs anything per successful task.",
        measures: cpsMeasures,
        on_failure: "reject"
      });
    if (justification)
      return done2({
        gate: "cost",
        verdict: "pass",
        reason: `${change}; ${justification}.`,
        measures: cpsMeasures,
        on_failure: "reject"
      });
    return done2({
      gate: "cost",
      verdict: "fail",
      reason: `${change}: the parent cost nothing, so any cost is an unbounded increase.`,
      measures: cpsMeasures,
      on_failure: "reject"
    });
  }
  const rng = createRng(deriveSeed(statistics.seed, "cost:per_success"));
  const result = bootstrapRatioOfRatios(data, {
    resamples: statistics.resamples,
    level: statistics.confidence,
    rng,
    keepSamples: true
  });
  const spec = {
    name: "cost_per_success_ratio",
    label: "Cost per successful task (candidate / parent)",
    bounds: bootstrapBounds(result, jackknifeAcceleration(leaveOneOutRatios(data))),
    limit: 1 + cost.max_cost_per_success_increase_pct / 100,
    method: clusters ? "cluster-bca-bootstrap" : "bca-bootstrap",
    n: golden.length,
    ...clusters ? { clusters: units } : {}
  };
  const minimum = clusters ? Math.max(statistics.min_cases, statistics.min_clusters) : statistics.min_cases;
  return {
    // The bootstrap is not trusted below the minimum: such a ratio can be inconclusive, never fail.
    tests: units >= minimum ? [ratioTest(spec, "cost", "cost")] : [],
    finish: (outcome) => {
      const judged = judgeRatio(spec, outcome.decision("cost"), levels.passAlpha, {
        enough: units >= minimum,
        minimum,
        limitText: `${cost.max_cost_per_success_increase_pct} % limit`,
        ...justification ? { justified: justification } : {},
        unjustified: ` without a ${cost.offsetting_quality_gain_pp.toFixed(1)} pp quality gain shown to justify it`
      });
      const change = `${formatValue(parentCps, "usd")} → ${formatValue(candidateCps, "usd")}; ${judged.interval}`;
      const effect = `Cost per successful task changed ${formatRatioChange(spec.bounds.estimate)} (${change})`;
      const measures = [judged.headline, ...cpsMeasures];
      if (overCeiling) {
        return {
          gate: "cost",
          verdict: "fail",
          reason: `${effect}, above the ${formatValue(ceilingUsd, "usd")} ceiling in delivery.slo.`,
          headline: judged.headline,
          measures,
          on_failure: "reject"
        };
      }
      return {
        gate: "cost",
        verdict: judged.verdict,
        reason: `${effect}${judged.why}.`,
        headline: judged.headline,
        measures,
        on_failure: "reject"
      };
    }
  };
}
function leaveOneOutRatios(data) {
  const pN = sum(data.parentNumerator);
  const pD = sum(data.parentDenominator);
  const cN = sum(data.candidateNumerator);
  const cD = sum(data.candidateDenominator);
  const out = new Float64Array(data.parentNumerator.length);
  for (let j = 0; j < out.length; j++) {
    const parent = (pN - data.parentNumerator[j]) / (pD - data.parentDenominator[j]);
    const candidate = (cN - data.candidateNumerator[j]) / (cD - data.candidateDenominator[j]);
    out[j] = parent > 0 && Number.isFinite(parent) && Number.isFinite(candidate) ? candidate / parent : Number.NaN;
  }
  return out;
}
function sum(values) {
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[i];
  return total;
}
function done2(result) {
  return { tests: [], finish: () => result };
}

// src/gates/latency.ts
function prepareLatency(cases, policy, levels, sloMs) {
  const timed = cases.filter((c) => c.parent.latency_ms !== void 0 && c.candidate.latency_ms !== void 0);
  const { latency } = policy.gates;
  const q = latency.quantile;
  const name = `p${Math.round(q * 100)}`;
  if (timed.length === 0) {
    return done3({
      gate: "latency",
      verdict: "not_applicable",
      reason: "The evidence has no latency_ms on paired cases.",
      measures: [],
      on_failure: "hold"
    });
  }
  const { statistics } = policy;
  const parent = new Float64Array(timed.length);
  const candidate = new Float64Array(timed.length);
  timed.forEach((c, i) => {
    parent[i] = c.parent.latency_ms;
    candidate[i] = c.candidate.latency_ms;
  });
  const parentQ = quantileOfUnsorted(parent, q);
  const candidateQ = quantileOfUnsorted(candidate, q);
  const overSlo = sloMs !== void 0 && candidateQ > sloMs;
  const quantiles = [
    {
      name: `parent_${name}_ms`,
      label: `Parent ${name}`,
      unit: "ms",
      estimate: round(parentQ, 3),
      n: timed.length,
      verdict: "pass"
    },
    {
      name: `candidate_${name}_ms`,
      label: `Candidate ${name}`,
      unit: "ms",
      estimate: round(candidateQ, 3),
      ...sloMs !== void 0 ? { threshold: sloMs } : {},
      n: timed.length,
      verdict: overSlo ? "fail" : "pass"
    }
  ];
  if (parentQ === 0) {
    if (overSlo)
      return done3({
        gate: "latency",
        verdict: "fail",
        reason: `The candidate ${name} latency is ${formatValue(candidateQ, "ms")}, over the ${formatValue(sloMs, "ms")} SLO in delivery.slo.`,
        measures: quantiles,
        on_failure: "hold"
      });
    if (candidateQ === 0)
      return done3({
        gate: "latency",
        verdict: "pass",
        reason: `Both ${name} latencies are 0 ms.`,
        measures: quantiles,
        on_failure: "hold"
      });
    return done3({
      gate: "latency",
      verdict: "inconclusive",
      reason: `The parent ${name} latency is 0 ms, so no ratio exists; check that latency_ms was recorded.`,
      measures: quantiles,
      on_failure: "hold"
    });
  }
  const clusters = indexClusters(
    timed.map((c) => c.cluster),
    timed.length
  );
  const rng = createRng(deriveSeed(statistics.seed, `latency:${name}`));
  const options = { resamples: statistics.resamples, level: statistics.confidence, rng, keepSamples: true };
  const result = clusters ? bootstrapClusteredQuantileRatio(parent, candidate, clusters.index, q, options) : bootstrapQuantileRatio(parent, candidate, q, options);
  const spec = {
    name: `${name}_latency_ratio`,
    label: `${name} latency (candidate / parent)`,
    bounds: bootstrapBounds(result, 0, false),
    limit: 1 + latency.max_increase_pct / 100,
    method: clusters ? "cluster-percentile-bootstrap" : "percentile-bootstrap",
    n: timed.length,
    ...clusters ? { clusters: clusters.count } : {}
  };
  const units = clusters?.count ?? timed.length;
  const minimum = clusters ? Math.max(statistics.min_cases, statistics.min_clusters) : statistics.min_cases;
  return {
    // The bootstrap is not trusted below the minimum: such a ratio can be inconclusive, never fail.
    tests: units >= minimum ? [ratioTest(spec, "latency", "latency")] : [],
    finish: (outcome) => {
      const judged = judgeRatio(spec, outcome.decision("latency"), levels.passAlpha, {
        enough: units >= minimum,
        minimum,
        limitText: `${latency.max_increase_pct} % limit`
      });
      const change = `${formatValue(parentQ, "ms")} → ${formatValue(candidateQ, "ms")}; ${judged.interval}`;
      const effect = `${name} latency changed ${formatRatioChange(spec.bounds.estimate)} (${change})`;
      const measures = [judged.headline, ...quantiles];
      if (overSlo)
        return {
          gate: "latency",
          verdict: "fail",
          reason: `${effect}, over the ${formatValue(sloMs, "ms")} SLO in delivery.slo.`,
          headline: judged.headline,
          measures,
          on_failure: "hold"
        };
      const slo = judged.verdict === "pass" && sloMs !== void 0 ? " and under the SLO" : "";
      return {
        gate: "latency",
        verdict: judged.verdict,
        reason: `${effect}${judged.why}${slo}.`,
        headline: judged.headline,
        measures,
        on_failure: "hold"
      };
    }
  };
}
function done3(result) {
  return { tests: [], finish: () => result };
}

// src/gates/manifest-gate.ts
function evaluateManifest(diff, candidate, evidence, policy) {
  const failures = diff.problems.map(formatProblem);
  if (evidence) {
    if (evidence.candidatePackageId !== candidate.package_id) {
      failures.push(`Candidate evidence is for package ${evidence.candidatePackageId}, but ${diff.manifest} declares ${candidate.package_id}`);
    }
    const parentId = diff.parent?.package_id;
    if (parentId !== void 0 && evidence.parentPackageId !== parentId) {
      failures.push(`Parent evidence is for package ${evidence.parentPackageId}, but the parent manifest declares ${parentId}`);
    }
    const judge = candidate.evaluation.judge;
    if (policy.gates.manifest.require_judge_match && evidence.judge && (evidence.judge.id !== judge.model || evidence.judge.version !== judge.version)) {
      failures.push(
        `Evidence was judged by ${evidence.judge.id}@${evidence.judge.version}, but ${diff.manifest} pins ${judge.model}@${judge.version}: a different judge resets the metric`
      );
    }
  }
  const measures = [
    {
      name: "manifest_problems",
      label: "Manifest problems (missing ids, digest mismatches, untracked changes, evidence binding)",
      unit: "count",
      estimate: failures.length,
      threshold: 0,
      n: 1,
      verdict: failures.length === 0 ? "pass" : "fail",
      ...failures.length > 0 ? { reason: failures.join("\n") } : {}
    }
  ];
  if (failures.length > 0) {
    const first = failures[0];
    const more2 = failures.length > 1 ? ` (and ${failures.length - 1} more problem${failures.length > 2 ? "s" : ""})` : "";
    return { gate: "manifest", verdict: "fail", reason: `${first}${more2}.`, headline: measures[0], measures, on_failure: "reject" };
  }
  const classes = diff.classes.length > 0 ? diff.classes.join(", ") : "new package";
  return {
    gate: "manifest",
    verdict: "pass",
    reason: `Every artifact matches its recorded digest and the evidence is bound to these packages (${classes}).`,
    headline: measures[0],
    measures,
    on_failure: "reject"
  };
}

// src/gates/golden-cases.ts
var LISTED_PROBLEMS = 20;
var FIX = "(or set quality.missing_score to skip or use_pass)";
function hasBothScores(c) {
  return c.parent.score !== void 0 && c.candidate.score !== void 0;
}
function scoreOf(c, side) {
  return c[side].score;
}
function byName(a, b) {
  return a.category < b.category ? -1 : 1;
}
function selectCases(golden, policy) {
  const { quality } = policy.gates;
  if (quality.metric === "pass") return { cases: golden, valueOf: (c, side) => c[side].pass, problems: [], note: "" };
  const missing = golden.filter((c) => !hasBothScores(c));
  if (missing.length === 0) return { cases: golden, valueOf: scoreOf, problems: [], note: "" };
  const count = `${formatCount(missing.length)} golden case${missing.length === 1 ? "" : "s"}`;
  if (quality.missing_score === "skip") {
    return {
      cases: golden.filter(hasBothScores),
      valueOf: scoreOf,
      problems: [],
      note: `; ${count} without a score on both sides left out (missing_score: skip)`
    };
  }
  if (quality.missing_score === "use_pass") {
    return {
      cases: golden,
      valueOf: (c, side) => hasBothScores(c) ? c[side].score : c[side].pass,
      problems: [],
      note: `; ${count} compared on pass, not score, on both sides (missing_score: use_pass)`
    };
  }
  const problems = missing.slice(0, LISTED_PROBLEMS).map((c) => {
    const side = c.candidate.score === void 0 ? c.candidate : c.parent;
    return {
      file: side.source.file,
      line: side.source.line,
      field: "score",
      message: `missing for ${c.case_id}: quality.metric is score, so every golden case needs a score on both sides ${FIX}`
    };
  });
  if (missing.length > LISTED_PROBLEMS) {
    const first = missing[0].candidate.source.file;
    problems.push({
      file: first,
      field: "score",
      message: `and ${formatCount(missing.length - LISTED_PROBLEMS)} more golden cases without a score on one side`
    });
  }
  return {
    cases: [],
    valueOf: scoreOf,
    problems,
    note: ` ${count} lack a score on one side; quality.missing_score is error, so the score metric cannot be computed.`
  };
}
function splitByCategory(golden, valueOf) {
  const n = golden.length;
  const ids = /* @__PURE__ */ new Map();
  const names2 = [];
  const parentSums = [];
  const candidateSums = [];
  const sizes = [];
  const minus = [];
  const plus = [];
  let binary = true;
  let clustered = false;
  const criticalIndices = [];
  let fixes = 0;
  let regressions = 0;
  const categoryOf = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const c = golden[i];
    const parent = valueOf(c, "parent");
    const candidate = valueOf(c, "candidate");
    const delta = candidate - parent;
    let id = ids.get(c.category);
    if (id === void 0) {
      id = names2.length;
      ids.set(c.category, id);
      names2.push(c.category);
      parentSums.push(0);
      candidateSums.push(0);
      sizes.push(0);
      minus.push(0);
      plus.push(0);
    }
    categoryOf[i] = id;
    parentSums[id] += parent;
    candidateSums[id] += candidate;
    sizes[id]++;
    if (delta === 1) plus[id]++;
    else if (delta === -1) minus[id]++;
    else if (delta !== 0) binary = false;
    if (c.cluster !== void 0) clustered = true;
    if (c.critical) {
      criticalIndices.push(i);
      const before = c.parent.pass >= 0.5;
      const after = c.candidate.pass >= 0.5;
      if (before && !after) regressions++;
      if (!before && after) fixes++;
    }
  }
  const countsOf = (id) => ({ n: sizes[id], fixes: plus[id], regressions: minus[id] });
  const totalMinus = minus.reduce((a, b) => a + b, 0);
  const totalPlus = plus.reduce((a, b) => a + b, 0);
  const counts = { n, fixes: totalPlus, regressions: totalMinus };
  const groups = names2.map((category, id) => ({
    category,
    n: sizes[id],
    parentSum: parentSums[id],
    candidateSum: candidateSums[id],
    counts: countsOf(id)
  }));
  const critical = { n: criticalIndices.length, fixes, regressions };
  if (binary && !clustered) return { counts, categories: groups.toSorted(byName), critical };
  const deltas = new Float64Array(n);
  for (let i = 0; i < n; i++) deltas[i] = valueOf(golden[i], "candidate") - valueOf(golden[i], "parent");
  const starts = new Int32Array(names2.length + 1);
  for (let id = 0; id < names2.length; id++) starts[id + 1] = starts[id] + sizes[id];
  const next = starts.slice(0, names2.length);
  const grouped = new Float64Array(n);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const slot = next[categoryOf[i]]++;
    grouped[slot] = deltas[i];
    order[slot] = i;
  }
  const clusters = clustered ? indexClusters(
    golden.map((c) => c.cluster),
    n
  ) : void 0;
  const scratch = clusters ? new Int32Array(clusters.count).fill(-1) : void 0;
  const categories = groups.map((group, id) => {
    const start = starts[id];
    const end = starts[id + 1];
    const local = clusters && scratch ? subsetClusters(clusters, order.subarray(start, end), scratch) : void 0;
    return { ...group, deltas: grouped.subarray(start, end), ...local ? { clusters: local } : {} };
  });
  const criticalClusters = clusters && scratch ? subsetClusters(clusters, criticalIndices, scratch) : void 0;
  const criticalDeltas = clustered ? Float64Array.from(
    criticalIndices,
    (i) => (golden[i].candidate.pass >= 0.5 ? 1 : 0) - (golden[i].parent.pass >= 0.5 ? 1 : 0)
  ) : void 0;
  return {
    counts,
    deltas,
    categoryOf,
    ...clusters ? { clusters } : {},
    categories: categories.toSorted(byName),
    critical: {
      ...critical,
      ...criticalDeltas ? { deltas: criticalDeltas } : {},
      ...criticalClusters ? { clusters: criticalClusters } : {}
    }
  };
}

// src/gates/quality.ts
function prepareQuality(cases, policy, levels) {
  const all = cases.filter((c) => c.suite === "golden");
  const { quality } = policy.gates;
  const { statistics } = policy;
  if (all.length === 0) return undecided("not_applicable", "No paired golden-suite evidence was supplied.", []);
  const selected = selectCases(all, policy);
  if (selected.problems.length > 0 || selected.cases.length === 0) {
    const reason = selected.cases.length === 0 && selected.problems.length === 0 ? `No golden case has a score on both sides.${selected.note}` : `${selected.note.trim()}`;
    return undecided("inconclusive", reason, selected.problems);
  }
  const golden = selected.cases;
  const split = splitByCategory(golden, selected.valueOf);
  const margin = quality.max_drop_pp;
  const categoryMargin = quality.max_category_drop_pp;
  const criticalMargin = quality.critical_max_drop_pp;
  const marginText = `${margin.toFixed(1)} pp margin`;
  const categoryMarginText = `${categoryMargin.toFixed(1)} pp margin`;
  const criticalTolerance = `tolerance of ${criticalMargin.toFixed(1)} pp`;
  const label = quality.metric === "score" ? "Mean score" : "Pass rate";
  const clustered = split.clusters !== void 0;
  const overall = {
    name: "pass_rate_delta",
    label: `${label} (golden, paired)`,
    inference: split.deltas ? inferDelta({
      deltas: split.deltas,
      ...split.clusters ? { clusters: split.clusters } : {},
      strata: split.categoryOf
    }) : inferCounts(split.counts),
    threshold: -margin,
    worse: "lower",
    clustered
  };
  const single = split.categories.length === 1;
  const categoryMinimum = clustered ? Math.max(quality.min_category_cases, statistics.min_clusters) : quality.min_category_cases;
  const groups = split.categories.map((group) => {
    const tested = !single && categoryUnits(group) >= categoryMinimum;
    const spec = {
      name: `category:${group.category}`,
      label: group.category,
      inference: single ? overall.inference : group.deltas ? inferDelta({ deltas: group.deltas, ...group.clusters ? { clusters: group.clusters } : {} }) : inferCounts(group.counts),
      threshold: single ? -margin : -categoryMargin,
      worse: "lower",
      clustered
    };
    return { group, tested, spec, id: `quality:category:${group.category}` };
  });
  const critical = split.critical.n > 0 ? {
    name: "critical_cases",
    label: `Critical cases: ${split.critical.regressions} regressed, ${split.critical.fixes} fixed of ${split.critical.n}`,
    inference: split.critical.deltas ? inferDelta(
      {
        deltas: split.critical.deltas,
        ...split.critical.clusters ? { clusters: split.critical.clusters } : {}
      },
      criticalMargin === 0
    ) : inferCounts(
      { n: split.critical.n, fixes: split.critical.fixes, regressions: split.critical.regressions },
      criticalMargin === 0
    ),
    threshold: -criticalMargin,
    worse: "lower",
    clustered
  } : void 0;
  const tests = [failTest(overall, "quality:overall", "quality")];
  for (const g of groups) if (g.tested) tests.push(failTest(g.spec, g.id, "categories"));
  if (critical) tests.push(failTest(critical, "quality:critical", "critical"));
  const overallLower = overall.inference.lower(levels.passAlpha) * 100;
  const finish = (outcome) => {
    const { passAlpha } = levels;
    const overallDecision = outcome.decision("quality:overall");
    const overallFails = overallDecision.rejected;
    const units = overall.inference.units;
    const minimum = clustered ? Math.max(statistics.min_cases, statistics.min_clusters) : statistics.min_cases;
    const enough = units >= minimum;
    const overallPasses = enough && passShown(overall, passAlpha);
    const headline = deltaMeasure(
      overall,
      passAlpha,
      overallDecision,
      overallFails ? "fail" : overallPasses ? "pass" : "inconclusive",
      golden.length
    );
    const judged = groups.map((g) => {
      const decision = g.tested ? outcome.decision(g.id) : void 0;
      const fails = decision?.rejected === true;
      const beyond2 = g.tested && !fails && estimateBeyond(g.spec);
      const verdict2 = !g.tested && !single ? "not_applicable" : single ? headline.verdict : fails ? "fail" : beyond2 ? "inconclusive" : "pass";
      const measure = single ? { ...headline, name: g.spec.name, label: g.spec.label } : deltaMeasure(g.spec, passAlpha, decision, verdict2, g.group.n);
      return {
        ...g,
        decision,
        fails,
        beyond: beyond2,
        measure: !g.tested && !single ? {
          ...measure,
          reason: `fewer than ${categoryMinimum} ${clustered ? "clusters" : "cases"}: shown, not tested`
        } : measure
      };
    });
    const categories = judged.map((g) => ({
      category: g.group.category,
      n: g.group.n,
      parent_rate: round(g.group.parentSum / g.group.n),
      candidate_rate: round(g.group.candidateSum / g.group.n),
      measure: g.measure,
      tested: g.tested || single
    }));
    const measures = [headline];
    let criticalFails = false;
    const criticalDecision = critical ? outcome.decision("quality:critical") : void 0;
    if (critical && criticalDecision) {
      criticalFails = criticalDecision.rejected;
      const test = criticalMargin === 0 ? "exact one-sided McNemar" : `one-sided test against a ${criticalTolerance}`;
      const discordant = split.critical.fixes + split.critical.regressions;
      measures.push({
        ...deltaMeasure(critical, passAlpha, criticalDecision, criticalFails ? "fail" : "pass", split.critical.n),
        reason: `${test} on ${discordant} discordant critical pairs${clustered ? ", cluster-adjusted" : ""}`
      });
    }
    measures.push(...categories.map((c) => c.measure));
    const failed = judged.filter((g) => g.fails);
    const beyond = judged.filter((g) => g.beyond);
    const size = `n = ${formatCount(golden.length)}${clustered ? ` in ${formatCount(units)} clusters` : ""}`;
    const effect = `${label} changed ${formatPp(headline.estimate)} (${formatInterval(headline.interval, "pp")}, ${size})${selected.note}`;
    let verdict;
    let reason;
    let casesNeeded;
    if (overallFails || failed.length > 0 || criticalFails) {
      verdict = "fail";
      const why = [];
      if (overallFails)
        why.push(`${effect}: a drop beyond the ${marginText}, ${failSentence(overall, overallDecision)}`);
      for (const g of failed.slice(0, 3)) {
        const fell = `category ${g.group.category} fell ${formatPp(g.measure.estimate)}`;
        why.push(`${fell}, beyond its ${categoryMarginText}, ${failSentence(g.spec, g.decision)}`);
      }
      if (failed.length > 3) why.push(`${failed.length - 3} more categories fell beyond their margin`);
      if (criticalFails && critical && criticalDecision) {
        const counts = `${split.critical.regressions} regressed against ${split.critical.fixes} fixed`;
        why.push(
          `critical cases failed: ${counts}, beyond the ${criticalTolerance}, ${failSentence(critical, criticalDecision)}`
        );
      }
      reason = `${capitalise(why.join("; "))}.`;
    } else if (overallPasses && beyond.length === 0) {
      verdict = "pass";
      const rest = `no tested category is estimated beyond its ${categoryMarginText} and no critical-case test failed`;
      reason = `${effect}; ${boundSentence(overall, passAlpha, marginText)}, ${rest}.`;
    } else {
      verdict = "inconclusive";
      const why = [];
      if (!enough)
        why.push(`only ${formatCount(units)} ${clustered ? "clusters" : "paired golden cases"} (minimum ${minimum})`);
      else if (!overallPasses) why.push(boundSentence(overall, passAlpha, marginText));
      for (const g of beyond.slice(0, 3)) {
        const estimated = `category ${g.group.category} is estimated ${formatPp(g.measure.estimate)}`;
        why.push(`${estimated}, beyond its ${categoryMarginText}, but not significantly`);
      }
      if (beyond.length > 3) why.push(`${beyond.length - 3} more categories are estimated beyond their margin`);
      const needed = neededUnits(outcome, overallPasses, enough ? 0 : minimum, beyond);
      const ratio = golden.length / Math.max(1, units);
      casesNeeded = Math.ceil(needed * ratio);
      reason = `${effect}: ${why.join("; ")}. ${neededSentence(casesNeeded, clustered ? needed : void 0, levels.look)}`;
    }
    return {
      result: {
        gate: "quality",
        verdict,
        reason,
        headline,
        measures,
        on_failure: "reject",
        ...casesNeeded !== void 0 ? { cases_needed: casesNeeded } : {}
      },
      categories
    };
  };
  const neededUnits = (outcome, overallPasses, atLeast, beyond) => {
    const total = Math.max(1, overall.inference.units);
    let needed = Math.max(atLeast, total + 1);
    if (!overallPasses)
      needed = Math.max(needed, unitsToDecideSpec(overall, levels.nextPassAlpha, outcome.nextAlpha("quality:overall")));
    for (const g of beyond) {
      const share = total / Math.max(1, g.spec.inference.units);
      needed = Math.max(
        needed,
        Math.ceil(unitsToDecideSpec(g.spec, levels.nextPassAlpha, outcome.nextAlpha(g.id), true) * share)
      );
    }
    return needed;
  };
  return {
    tests,
    problems: [],
    gain: { estimatePp: overall.inference.estimate * 100, lowerPp: overallLower },
    finish
  };
}
function neededSentence(cases, clusters, look) {
  const units = `${formatCount(cases)} paired cases${clusters !== void 0 ? ` (${formatCount(clusters)} clusters)` : ""}`;
  const capped = cases >= 1e7;
  return `${capped ? "More than" : "About"} ${units} would decide it at look ${look + 1} with 80 % probability.`;
}
function undecided(verdict, reason, problems) {
  return {
    tests: [],
    problems,
    finish: () => ({
      result: { gate: "quality", verdict, reason, measures: [], on_failure: "reject" },
      categories: []
    })
  };
}
function categoryUnits(group) {
  return group.clusters?.count ?? group.n;
}
function capitalise(text) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

// src/gates/safety.ts
function prepareSafety(cases, level, policy, levels) {
  const safety = cases.filter((c) => c.suite === "safety");
  const thresholds = policy.gates.safety;
  const { statistics } = policy;
  const newlyUnsafe = cases.filter((c) => isNewlyUnsafe(c, thresholds.min_unsafe_trials)).map((c) => c.suite === "safety" ? c.case_id : `${c.suite}/${c.case_id}`).toSorted();
  const flaky = cases.filter((c) => (c.parent.unsafe ?? 0) === 0 && (c.candidate.unsafe ?? 0) > 0).length - newlyUnsafe.length;
  const unsafeBlocks = thresholds.new_unsafe_blocks_at_levels.includes(level) && newlyUnsafe.length > 0;
  const flakyNote = flaky > 0 ? `; ${flaky} more unsafe in fewer than ${thresholds.min_unsafe_trials} of their trials (not reproduced)` : "";
  const unsafeMeasure = {
    name: "newly_unsafe_cases",
    label: "Cases unsafe in the candidate but not the parent",
    unit: "count",
    estimate: newlyUnsafe.length,
    threshold: 0,
    n: cases.length,
    verdict: unsafeBlocks ? "fail" : "pass",
    reason: `${listed(newlyUnsafe, 10, " and ", "none")}${flakyNote}`
  };
  const counted = `${newlyUnsafe.length} case${newlyUnsafe.length === 1 ? " is" : "s are"}`;
  const unsafeWhy = `${counted} newly unsafe at side-effect level ${level} (${listed(newlyUnsafe, 3, ", …", "")})`;
  const unsafeNote = newlyUnsafe.length > 0 ? ` ${newlyUnsafe.length} newly unsafe case(s) are reported but do not block at level ${level}.` : "";
  if (safety.length === 0) {
    const none = "No paired safety (red-team) evidence was supplied";
    const result = unsafeBlocks ? {
      gate: "safety",
      verdict: "fail",
      reason: `${capitalise2(unsafeWhy)}; ${none.charAt(0).toLowerCase()}${none.slice(1)}.`,
      headline: unsafeMeasure,
      measures: [unsafeMeasure],
      on_failure: "reject"
    } : level === 0 ? {
      gate: "safety",
      verdict: "not_applicable",
      reason: `${none}; optional at side-effect level 0.${unsafeNote}`,
      measures: newlyUnsafe.length > 0 ? [unsafeMeasure] : [],
      on_failure: "reject"
    } : {
      gate: "safety",
      verdict: "inconclusive",
      reason: `${none}; side-effect level ${level} needs a red-team suite.${unsafeNote}`,
      measures: newlyUnsafe.length > 0 ? [unsafeMeasure] : [],
      on_failure: "reject"
    };
    return { tests: [], finish: () => result };
  }
  const clustered = safety.some((c) => c.cluster !== void 0);
  const redMargin = `${thresholds.max_redteam_drop_pp.toFixed(1)} pp margin`;
  const missedMargin = `${thresholds.max_missed_intervention_rise_pp.toFixed(1)} pp margin`;
  const redteam = {
    name: "redteam_pass_rate_delta",
    label: "Red-team pass rate (paired)",
    inference: sampleOf(safety, (c, side) => c[side].pass),
    threshold: -thresholds.max_redteam_drop_pp,
    worse: "lower",
    clustered
  };
  const expected = safety.filter(
    (c) => c.parent.expected_intervention === true && c.parent.intervened !== void 0 && c.candidate.intervened !== void 0
  );
  const missed = expected.length > 0 ? {
    name: "missed_intervention_delta",
    label: "Missed interventions (paired)",
    inference: sampleOf(expected, (c, side) => 1 - (c[side].intervened ?? 0)),
    threshold: thresholds.max_missed_intervention_rise_pp,
    worse: "higher",
    clustered
  } : void 0;
  const tests = [failTest(redteam, "safety:redteam", "safety")];
  if (missed) tests.push(failTest(missed, "safety:missed_interventions", "safety"));
  const finish = (outcome) => {
    const { passAlpha } = levels;
    const minimum = clustered ? Math.max(statistics.min_cases, statistics.min_clusters) : statistics.min_cases;
    const redDecision = outcome.decision("safety:redteam");
    const redFails = redDecision.rejected;
    const redEnough = redteam.inference.units >= minimum;
    const redPasses = redEnough && passShown(redteam, passAlpha);
    const measures = [
      deltaMeasure(
        redteam,
        passAlpha,
        redDecision,
        redFails ? "fail" : redPasses ? "pass" : "inconclusive",
        safety.length
      )
    ];
    const missedDecision = missed ? outcome.decision("safety:missed_interventions") : void 0;
    const missedFails = missedDecision?.rejected === true;
    const missedEnough = missed !== void 0 && missed.inference.units >= minimum;
    const missedPasses = missed === void 0 || missedEnough && passShown(missed, passAlpha);
    if (missed)
      measures.push(
        deltaMeasure(
          missed,
          passAlpha,
          missedDecision,
          missedFails ? "fail" : missedPasses ? "pass" : "inconclusive",
          expected.length
        )
      );
    measures.push(unsafeMeasure);
    const headline = measures[0];
    const redEffect = effectOf(redteam, headline, "Red-team pass rate");
    if (redFails || missedFails || unsafeBlocks) {
      const why2 = [];
      if (unsafeBlocks) why2.push(unsafeWhy);
      if (redFails) why2.push(`${redEffect}: a drop beyond the ${redMargin}, ${failSentence(redteam, redDecision)}`);
      if (missedFails && missed && missedDecision) {
        const rise = `a rise beyond ${thresholds.max_missed_intervention_rise_pp.toFixed(1)} pp`;
        why2.push(
          `${effectOf(missed, measures[1], "missed interventions")}: ${rise}, ${failSentence(missed, missedDecision)}`
        );
      }
      return {
        gate: "safety",
        verdict: "fail",
        reason: `${capitalise2(why2.join("; "))}.`,
        headline,
        measures,
        on_failure: "reject"
      };
    }
    if (redPasses && missedPasses) {
      const missedPart = missed ? `; missed interventions: ${boundSentence(missed, passAlpha, missedMargin)}` : "";
      return {
        gate: "safety",
        verdict: "pass",
        reason: `${redEffect}; ${boundSentence(redteam, passAlpha, redMargin)}${missedPart}.${unsafeNote}`,
        headline,
        measures,
        on_failure: "reject"
      };
    }
    const why = [];
    let needed = 0;
    let neededClusters = 0;
    for (const [spec, enough, passes, id, margin, effect] of [
      [redteam, redEnough, redPasses, "safety:redteam", thresholds.max_redteam_drop_pp, redEffect],
      ...missed ? [
        [
          missed,
          missedEnough,
          missedPasses,
          "safety:missed_interventions",
          thresholds.max_missed_intervention_rise_pp,
          effectOf(missed, measures[1], "Missed interventions")
        ]
      ] : []
    ]) {
      if (passes) continue;
      const noun = spec === redteam ? "paired red-team cases" : "paired cases that expect an intervention";
      const few = `only ${formatCount(spec.inference.units)} ${spec.clustered ? "clusters" : noun} (minimum ${minimum})`;
      why.push(`${effect}: ${enough ? boundSentence(spec, passAlpha, `${margin.toFixed(1)} pp margin`) : few}`);
      const units = Math.max(
        enough ? 0 : minimum,
        unitsToDecideSpec(spec, levels.nextPassAlpha, outcome.nextAlpha(id))
      );
      const suiteUnits = Math.ceil(units * Math.max(1, redteam.inference.units) / Math.max(1, spec.inference.units));
      const suiteCases = Math.ceil(suiteUnits * safety.length / Math.max(1, redteam.inference.units));
      if (suiteCases > needed) {
        needed = suiteCases;
        neededClusters = suiteUnits;
      }
    }
    const advice = neededSentence(needed, clustered ? neededClusters : void 0, levels.look).replace(
      "paired cases",
      "paired red-team cases"
    );
    return {
      gate: "safety",
      verdict: "inconclusive",
      reason: `${capitalise2(why.join("; "))}. ${advice}${unsafeNote}`,
      headline,
      measures,
      cases_needed: needed,
      on_failure: "reject"
    };
  };
  return { tests, finish };
}
function sampleOf(list, value) {
  const clusters = indexClusters(
    list.map((c) => c.cluster),
    list.length
  );
  return inferDelta({
    deltas: Float64Array.from(list, (c) => value(c, "candidate") - value(c, "parent")),
    ...clusters ? { clusters } : {}
  });
}
function effectOf(spec, measure, what) {
  const size = `n = ${formatCount(measure.n)}${spec.clustered ? ` in ${formatCount(spec.inference.units)} clusters` : ""}`;
  return `${what} changed ${formatPp(measure.estimate)} (${formatInterval(measure.interval, "pp")}, ${size})`;
}
function listed(names2, limit, more2, empty) {
  if (names2.length === 0) return empty;
  const extra = names2.length > limit ? more2 === " and " ? ` and ${names2.length - limit} more` : more2 : "";
  return `${names2.slice(0, limit).join(", ")}${extra}`;
}
function isNewlyUnsafe(c, minTrials) {
  if ((c.parent.unsafe ?? 0) !== 0 || (c.candidate.unsafe ?? 0) === 0) return false;
  const trials = c.candidate.trials;
  const unsafeTrials = Math.round((c.candidate.unsafe ?? 0) * trials);
  return unsafeTrials >= Math.min(trials, minTrials);
}
function capitalise2(text) {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}

// src/gates/evaluate.ts
function evaluateGates(input) {
  const { diff, manifest, evidence, policy } = input;
  const outcome = evaluateEvidenceGates({
    cases: evidence?.cases ?? [],
    level: manifest.side_effect_level,
    policy,
    ...input.look !== void 0 ? { look: input.look } : {},
    ...manifest.delivery.slo?.cost_per_success_usd !== void 0 ? { costCeilingUsd: manifest.delivery.slo.cost_per_success_usd } : {},
    ...manifest.delivery.slo?.p95_latency_ms !== void 0 ? { latencySloMs: manifest.delivery.slo.p95_latency_ms } : {}
  });
  const [quality, ...rest] = outcome.gates;
  let qualityResult = quality;
  const goldenSuites = manifest.evaluation.suites.filter((suite) => suite.suite === "golden").map((suite) => suite.id);
  if (!evidence && diff.problems.length === 0) {
    qualityResult = {
      ...qualityResult,
      verdict: "inconclusive",
      reason: "No evidence was supplied for this package; the quality gate cannot run."
    };
  } else if (evidence && qualityResult.verdict === "not_applicable" && goldenSuites.length > 0) {
    qualityResult = {
      ...qualityResult,
      verdict: "inconclusive",
      reason: `The manifest declares the golden suite ${goldenSuites.join(", ")}, but the evidence has no golden cases; the quality gate cannot run.`
    };
  }
  return { ...outcome, gates: [evaluateManifest(diff, manifest, evidence, policy), qualityResult, ...rest] };
}
function evaluateEvidenceGates(input) {
  const { cases, level, policy } = input;
  const look = input.look ?? 1;
  const levels = lookLevels(policy.statistics, look);
  const quality = prepareQuality(cases, policy, levels);
  const safety = prepareSafety(cases, level, policy, levels);
  const cost = prepareCost(cases, policy, levels, quality.gain, input.costCeilingUsd);
  const latency = prepareLatency(cases, policy, levels, input.latencySloMs);
  const outcome = runBudget(
    [...quality.tests, ...safety.tests, ...cost.tests, ...latency.tests],
    policy.statistics,
    look
  );
  const judged = quality.finish(outcome);
  return {
    gates: [judged.result, safety.finish(outcome), cost.finish(outcome), latency.finish(outcome)],
    categories: judged.categories,
    error_budget: outcome.budget,
    problems: quality.problems
  };
}

// package.json
var package_default = {
  name: "kaizen-gate",
  version: "0.1.0",
  description: "Release gate for LLM application packages: manifests, paired-evidence gates, signed reports in git.",
  license: "MIT",
  type: "module",
  bin: {
    "kaizen-gate": "dist/cli.js"
  },
  files: [
    "dist",
    "manifests/schema",
    "gates",
    "action.yml"
  ],
  engines: {
    node: ">=24"
  },
  scripts: {
    bundle: "node scripts/bundle.mjs",
    typecheck: "tsc --noEmit -p tsconfig.json",
    lint: "oxlint --deny-warnings src test scripts bench",
    test: "vitest run",
    bench: "node bench/run.mjs",
    example: "node scripts/example.mjs",
    docs: "node scripts/gen-docs.mjs"
  },
  devDependencies: {
    "@octokit/openapi": "^23.0.2",
    "@types/node": "^24.19.2",
    esbuild: "^0.28.2",
    node: "^24.21.0",
    oxlint: "1.80.0",
    typescript: "^7.0.2",
    vitest: "^4.1.12"
  },
  dependencies: {
    "@actions/core": "^3.0.1",
    "@actions/github": "^9.1.1",
    ajv: "^8.20.0",
    octokit: "^5.0.5",
    yaml: "^2.9.1"
  },
  allowScripts: {
    node: true,
    esbuild: true
  }
};

// src/version.ts
var VERSION = package_default.version;

// src/pipeline.ts
function runPipeline(input) {
  const { changeSet } = input;
  const problems = [];
  const packages = [];
  const subjectManifests = [];
  const artifacts = /* @__PURE__ */ new Map();
  const formats = /* @__PURE__ */ new Map();
  const parses = /* @__PURE__ */ new Map();
  for (const diff of changeSet.packages) {
    const loaded = changeSet.loaded.get(diff.manifest);
    const manifest = loaded?.candidate.manifest;
    const level = manifest.side_effect_level;
    subjectManifests.push({ path: diff.manifest, sha256: bare(diff.digest), role: "candidate", commit: changeSet.head.commit });
    if (diff.parent) subjectManifests.push({ path: diff.parent.manifest, sha256: bare(diff.parent.digest), role: "parent", commit: diff.parent.commit });
    for (const artifact of loaded?.candidate.artifacts ?? []) {
      if (artifact.actual) artifacts.set(artifact.path, bare(artifact.actual));
    }
    const { evidence, problems: evidenceProblems } = collectEvidence(input, manifest, loaded?.parent?.manifest, diff.parent?.package_id, changeSet.packages.length, formats, parses);
    problems.push(...evidenceProblems);
    if (evidenceProblems.length > 0) continue;
    const policy = policyForLevel(input.policy, level, input.seed);
    const cases = evidence?.cases ?? [];
    const { gates, categories, error_budget, problems: gateProblems } = evaluateGates({ diff, manifest, evidence, policy });
    if (gateProblems.length > 0) {
      problems.push(...gateProblems);
      continue;
    }
    const decision = decide(gates, level, manifest.owners);
    packages.push({
      application: manifest.application,
      package_id: manifest.package_id,
      manifest: diff.manifest,
      manifest_digest: diff.digest,
      side_effect_level: level,
      owners: manifest.owners,
      change: { type: manifest.change.type, summary: manifest.change.summary, problem: manifest.change.problem, owner: manifest.change.owner },
      parent: diff.parent,
      diff: { classes: diff.classes, changes: diff.changes, ...diff.rollback_of ? { rollback_of: diff.rollback_of } : {}, warnings: diff.warnings, problems: sortProblems(diff.problems) },
      evidence: summariseEvidence(evidence),
      gates,
      categories,
      error_budget,
      worst_cases: worstCases(cases, policy.gates.quality.metric),
      decision,
      rollout: planRollout(level, manifest.delivery.rollback_metric, manifest.delivery.strategy, policy.statistics.confidence)
    });
  }
  if (problems.length > 0) {
    const unique = [...new Map(problems.map((p) => [formatProblem(p), p])).values()];
    throw new InputError(unique, `${unique.length} evidence problem${unique.length === 1 ? "" : "s"}`);
  }
  const outcome = packages.length === 0 ? "nothing_to_gate" : combineDecisions(packages.map((p) => p.decision.outcome));
  const summary = packages.length === 0 ? "No package manifest is touched by this change; nothing to gate." : packages.length === 1 ? packages[0].decision.summary : `${packages.filter((p) => p.decision.outcome === outcome).map((p) => p.application).join(", ")}: ${outcome.replace("_", " ")}.`;
  const statistics = policyForLevel(input.policy, 0, input.seed).statistics;
  return {
    schema: "kaizen-gate/report/v1",
    tool: { name: "kaizen-gate", version: VERSION },
    inputs: {
      base: changeSet.base,
      head: changeSet.head,
      policy: input.policy.sources,
      statistics,
      evidence: input.evidence.map((e) => ({ path: e.path, side: e.side, format: formats.get(e.path) ?? "unknown" }))
    },
    subject: {
      ...input.context?.repository !== void 0 ? { repository: input.context.repository } : {},
      ...input.context?.commit !== void 0 ? { commit: input.context.commit } : changeSet.head.commit ? { commit: changeSet.head.commit } : {},
      ...input.context?.pull_request !== void 0 ? { pull_request: input.context.pull_request } : {},
      manifests: subjectManifests,
      evidence: input.evidence.map((e) => ({ path: e.path, sha256: bare(digestOf(e.bytes)) })),
      artifacts: [...artifacts.entries()].toSorted(([a], [b]) => a < b ? -1 : 1).map(([path, sha256]) => ({ path, sha256 }))
    },
    decision: { outcome, summary },
    packages,
    unreferenced_changes: changeSet.unreferenced_changes,
    signature: { status: "unsigned", reason: "not signed yet" }
  };
}
function judgeOf(manifest) {
  return { id: manifest.evaluation.judge.model, version: manifest.evaluation.judge.version };
}
function collectEvidence(input, manifest, parentManifest, parentId, packageCount, formats, parses) {
  const problems = [];
  const parent = [];
  const candidate = [];
  const candidateJudge = judgeOf(manifest);
  const parentJudge = parentManifest ? judgeOf(parentManifest) : candidateJudge;
  if (input.evidence.length === 0) return { problems };
  for (const file of input.evidence) {
    let decoded;
    const text = () => decoded ??= new TextDecoder().decode(file.bytes);
    const detected = detectFormat(file.bytes, text);
    const read = (packageId, judge, side) => {
      const key = `${file.path}\0${packageId ?? ""}\0${JSON.stringify(side ?? null)}\0${judge.id}\0${judge.version}`;
      let parsed = parses.get(key);
      if (!parsed) {
        parsed = detected === "jsonl" ? { format: detected, ...parseJsonlEvidence(file.bytes, file.path, packageId !== void 0 ? { packageId } : {}) } : parseEvidence(text(), file.path, { ...packageId !== void 0 ? { packageId } : {}, ...side ? { side } : {}, judge });
        if (packageCount > 1) parses.set(key, parsed);
      }
      if (parsed.format) formats.set(file.path, parsed.format);
      if (parsed.format === "promptfoo" && packageCount > 1) {
        problems.push({ file: file.path, message: "promptfoo results name no package, so one run can gate only one package with them; pass the manifest to check" });
      }
      problems.push(...parsed.problems);
      return parsed.records;
    };
    if (input.evidenceFormat && detected && detected !== input.evidenceFormat) {
      problems.push({ file: file.path, line: 1, message: `expected ${input.evidenceFormat} evidence (evidence-format), but the file is ${detected}` });
      continue;
    }
    const isPromptfoo = detected === "promptfoo";
    if (file.side === "both") {
      if (isPromptfoo) {
        const sides = input.promptfooSides ?? {};
        append(parent, read(parentId ?? "parent", parentJudge, sides.parent ?? { promptIdx: 0 }));
        append(candidate, read(manifest.package_id, candidateJudge, sides.candidate ?? { promptIdx: 1 }));
      } else {
        const strangers = /* @__PURE__ */ new Map();
        for (const record of read(void 0, candidateJudge)) {
          if (record.package_id === manifest.package_id) candidate.push(record);
          else if (record.package_id === parentId) parent.push(record);
          else if (packageCount === 1) {
            const seen = strangers.get(record.package_id);
            if (seen) seen.count += 1;
            else strangers.set(record.package_id, { line: record.source.line, count: 1 });
          }
        }
        for (const [id, { line, count }] of strangers) {
          const more2 = count > 1 ? ` (and ${count - 1} more record${count > 2 ? "s" : ""} for it)` : "";
          problems.push({ file: file.path, line, field: "package_id", message: `record is for ${id}, neither the candidate ${manifest.package_id} nor the parent ${parentId ?? "(none)"}${more2}` });
        }
      }
    } else {
      const target = file.side === "parent" ? parent : candidate;
      const expected = file.side === "parent" ? parentId : manifest.package_id;
      const selector = isPromptfoo ? input.promptfooSides?.[file.side] : void 0;
      const records = read(isPromptfoo ? expected ?? file.side : void 0, file.side === "parent" ? parentJudge : candidateJudge, selector);
      append(target, packageCount > 1 ? records.filter((r) => r.package_id === expected) : records);
    }
  }
  if (problems.length > 0) return { problems };
  const paired = pairEvidence(parent, candidate, {
    ...input.allowUnpaired ? { allowUnpaired: true } : {},
    parentFile: input.evidence.find((e) => e.side !== "candidate")?.path ?? "parent evidence",
    candidateFile: input.evidence.find((e) => e.side !== "parent")?.path ?? "candidate evidence"
  });
  if (paired.problems.length > 0) return { problems: paired.problems };
  return { evidence: paired.paired, problems };
}
function append(target, items) {
  for (const item of items) target.push(item);
}
function detectFormat(bytes, text) {
  const decoder = new TextDecoder();
  for (let start = 0; start < bytes.length; ) {
    const newline = bytes.indexOf(10, start);
    const end = newline < 0 ? bytes.length : newline;
    const line = decoder.decode(bytes.subarray(start, end)).trim();
    if (line !== "") return line === "{" ? detectEvidenceFormat(text()) : detectEvidenceFormat(line);
    start = end + 1;
  }
  return detectEvidenceFormat(text());
}
function summariseEvidence(evidence) {
  const bySuite = {};
  let maxTrials = 0;
  let clustered = false;
  for (const c of evidence?.cases ?? []) {
    bySuite[c.suite] = (bySuite[c.suite] ?? 0) + 1;
    maxTrials = Math.max(maxTrials, c.parent.trials, c.candidate.trials);
    if (c.cluster !== void 0) clustered = true;
  }
  return {
    paired_cases: evidence?.cases.length ?? 0,
    by_suite: bySuite,
    clustered,
    max_trials: maxTrials,
    ...evidence && evidence.unpaired.parentOnly + evidence.unpaired.candidateOnly > 0 ? { unpaired: { parent_only: evidence.unpaired.parentOnly, candidate_only: evidence.unpaired.candidateOnly } } : {},
    ...evidence?.judge ? { judge: { id: evidence.judge.id, version: evidence.judge.version } } : {}
  };
}
function worstCases(cases, metric, limit = 10) {
  const value = (o) => metric === "score" ? o.score ?? o.pass : o.pass;
  return cases.map((c) => ({ c, delta: value(c.candidate) - value(c.parent) })).filter(({ delta }) => delta < 0).toSorted((a, b) => a.delta - b.delta || Number(b.c.critical) - Number(a.c.critical) || (a.c.case_id < b.c.case_id ? -1 : a.c.case_id > b.c.case_id ? 1 : 0)).slice(0, limit).map(({ c, delta }) => ({
    suite: c.suite,
    case_id: c.case_id,
    category: c.category,
    critical: c.critical,
    parent: round(value(c.parent)),
    candidate: round(value(c.candidate)),
    delta: round(delta),
    source: `${c.candidate.source.file}:${c.candidate.source.line}`
  }));
}
function bare(digest2) {
  return digest2.startsWith("sha256:") ? digest2.slice(7) : digest2;
}

// src/cli/gather.ts
var DEFAULT_POLICY = fileURLToPath(new URL(import.meta.url.includes("/dist/") ? "../gates/default.yaml" : "../../gates/default.yaml", import.meta.url));
function loadPolicy(cwd, overridePath) {
  const defaultBytes = readInputFile(DEFAULT_POLICY, "default policy");
  const defaults = parsePolicy(defaultBytes, "gates/default.yaml");
  const sources = [{ file: "kaizen-gate:gates/default.yaml", digest: digestOf(defaultBytes) }];
  if (!overridePath) return mergePolicies(defaults, [], sources);
  const path = resolve3(cwd, overridePath);
  const bytes = readInputFile(path, "policy file");
  const override = parsePolicy(bytes, overridePath);
  return mergePolicies(defaults, [override], [...sources, { file: overridePath, digest: digestOf(bytes) }]);
}
function parseSideSelector(text, flag) {
  const match = /^(promptIdx|provider|label)=(.+)$/.exec(text);
  if (!match) throw new UsageError(`${flag} expects promptIdx=N, provider=ID or label=TEXT, got "${text}"`);
  const [, key, value] = match;
  if (key === "promptIdx") {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 0) throw new UsageError(`${flag} promptIdx must be a non-negative integer, got "${value}"`);
    return { promptIdx: n };
  }
  return key === "provider" ? { provider: value } : { label: value };
}
function gatherAndRun(options) {
  if (options.parentEvidence.length + options.candidateEvidence.length + options.evidence.length === 0) {
    throw new UsageError("no evidence given: pass --parent-evidence and --candidate-evidence (or --evidence for one file holding both sides)");
  }
  if (options.parentEvidence.length === 0 !== (options.candidateEvidence.length === 0)) {
    throw new UsageError("--parent-evidence and --candidate-evidence go together: give both sides");
  }
  const policy = loadPolicy(options.cwd, options.policy);
  const changeSet = resolveChangeSet({
    repo: options.repo,
    base: options.base,
    ...options.head !== void 0 ? { head: options.head } : {},
    ...options.manifests && options.manifests.length > 0 ? { manifests: options.manifests } : {}
  });
  const evidence = [];
  const missing = [];
  const add = (paths, side) => {
    for (const path of paths) {
      try {
        evidence.push({ path: toRepoPath(options.repo, resolve3(options.cwd, path)), bytes: readInputFile(resolve3(options.cwd, path), `${side} evidence`), side });
      } catch (error) {
        if (error instanceof InputError) missing.push(...error.problems.map((p) => ({ ...p, file: path })));
        else throw error;
      }
    }
  };
  add(options.parentEvidence, "parent");
  add(options.candidateEvidence, "candidate");
  add(options.evidence, "both");
  if (missing.length > 0) throw new InputError(missing);
  return runPipeline({
    changeSet,
    evidence,
    policy,
    ...options.seed !== void 0 ? { seed: options.seed } : {},
    promptfooSides: { ...options.parentSide ? { parent: options.parentSide } : {}, ...options.candidateSide ? { candidate: options.candidateSide } : {} },
    ...options.allowUnpaired ? { allowUnpaired: true } : {},
    ...options.evidenceFormat && options.evidenceFormat !== "auto" ? { evidenceFormat: options.evidenceFormat } : {},
    ...options.context ? { context: options.context } : {}
  });
}

// src/cli/manifest-commands.ts
import { readFileSync as readFileSync3 } from "node:fs";
import { resolve as resolve4 } from "node:path";

// src/manifest/lock.ts
var import_yaml2 = __toESM(require_dist(), 1);
function lockManifest(bytes, file, readFile) {
  const { loaded, problems } = loadYaml(bytes, file);
  const original = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
  if (!loaded) return { text: original, changed: false, updates: [], problems };
  const source = loaded.text;
  const newline = source.includes("\r\n") ? "\r\n" : "\n";
  const edits = [];
  const updates = [];
  const lockProblems = [];
  const doc = loaded.document;
  for (const entry of listArtifacts(loaded.value)) {
    const { actual, problem } = readArtifact(entry, readFile);
    if (problem || actual === void 0) {
      lockProblems.push(locate(loaded, entry.pathPointer, problem ?? "cannot be read"));
      continue;
    }
    if (entry.recorded === actual) continue;
    const segments = toSegments(entry.digestPointer);
    const edit = (0, import_yaml2.isScalar)(doc.getIn(segments, true)) ? replaceValue(doc.getIn(segments, true), source, actual, newline) : insertDigest(doc.getIn(segments.slice(0, -1), true), toSegments(entry.pathPointer).at(-1), source, actual, newline);
    if (!edit) {
      lockProblems.push(locate(loaded, entry.digestPointer, `cannot write the digest here; add \`sha256: ${actual}\` by hand`));
      continue;
    }
    edits.push(edit);
    const field = locate(loaded, entry.digestPointer, "").field ?? entry.digestPointer;
    updates.push({ field, path: entry.path, ...entry.recorded !== void 0 ? { old: entry.recorded } : {}, new: actual });
  }
  if (lockProblems.length > 0) return { text: original, changed: false, updates: [], problems: lockProblems };
  if (updates.length === 0) return { text: original, changed: false, updates, problems: [] };
  let text = source;
  for (const edit of edits.toSorted((a, b) => b.start - a.start)) {
    text = text.slice(0, edit.start) + edit.text + text.slice(edit.end);
  }
  const hadBom = bytes[0] === 239 && bytes[1] === 187 && bytes[2] === 191;
  if (hadBom) text = `\uFEFF${text}`;
  const { loaded: again } = loadYaml(new TextEncoder().encode(text), file);
  const expected = new Map(updates.map((u) => [u.field, u.new]));
  const wrong = !again || listArtifacts(again.value).some((a) => {
    const field = locate(again, a.digestPointer, "").field ?? a.digestPointer;
    return expected.has(field) && a.recorded !== expected.get(field);
  });
  if (wrong) return { text: original, changed: false, updates: [], problems: [{ file, message: "internal error: lock could not rewrite the digests safely; edit them by hand and report this" }] };
  return { text, changed: text !== original, updates, problems: [] };
}
function toSegments(pointer) {
  return pointer.slice(1).split("/").map((s) => /^\d+$/.test(s) ? Number(s) : s);
}
function replaceValue(node, source, digest2, newline) {
  if (!node.range) return void 0;
  const [start, end] = node.range;
  const quote = node.type === "QUOTE_DOUBLE" ? '"' : node.type === "QUOTE_SINGLE" ? "'" : "";
  const lead = start === end && !/\s/.test(source[start - 1] ?? " ") ? " " : "";
  const trail = source.slice(start, end).endsWith("\n") ? newline : "";
  return { start, end, text: `${lead}${quote}${digest2}${quote}${trail}` };
}
function insertDigest(map, pathKey, source, digest2, newline) {
  if (!(0, import_yaml2.isMap)(map)) return void 0;
  if (map.items.some((p) => (0, import_yaml2.isScalar)(p.key) && p.key.value === "sha256")) return void 0;
  const pair = map.items.find((p) => (0, import_yaml2.isScalar)(p.key) && p.key.value === pathKey);
  const key = pair?.key;
  const value = pair?.value;
  if (!(0, import_yaml2.isScalar)(key) || !key.range || !(0, import_yaml2.isScalar)(value) || !value.range) return void 0;
  const valueEnd = value.range[1];
  if (map.flow) return { start: valueEnd, end: valueEnd, text: `, sha256: ${digest2}` };
  const keyColumn = key.range[0] - (source.lastIndexOf("\n", key.range[0] - 1) + 1);
  const lineEnd = source.indexOf("\n", valueEnd);
  const line = `${" ".repeat(keyColumn)}sha256: ${digest2}`;
  if (lineEnd === -1) return { start: source.length, end: source.length, text: `${newline}${line}` };
  return { start: lineEnd + 1, end: lineEnd + 1, text: `${line}${newline}` };
}

// src/manifest/render-diff.ts
function renderDiffText(doc) {
  const lines = [];
  lines.push(`base ${doc.base.ref} (${doc.base.commit.slice(0, 12)}) → head ${doc.head.ref}${doc.head.commit ? ` (${doc.head.commit.slice(0, 12)})` : ""}`);
  if (doc.packages.length === 0) lines.push("", "No package manifest is touched by this change.");
  for (const pkg of doc.packages) {
    lines.push("");
    const parent = pkg.parent ? `${pkg.parent.package_id} → ${pkg.package_id}${pkg.parent.resolution === "parent_package_id" ? ` (parent by parent_package_id, ${pkg.parent.manifest})` : ""}` : `${pkg.package_id} (new application: no parent at base)`;
    lines.push(`${pkg.manifest}  ${pkg.application}  level ${pkg.side_effect_level}`);
    lines.push(`  package: ${parent}`);
    lines.push(`  classes: ${pkg.classes.length > 0 ? pkg.classes.join(", ") : "—"}${pkg.rollback_of ? ` (rollback to ${pkg.rollback_of.package_id} @ ${pkg.rollback_of.commit.slice(0, 12)})` : ""}`);
    if (pkg.changes.length > 0) {
      lines.push("  changes:");
      for (const change of pkg.changes) {
        const what = change.field ? `${change.key} ${change.field}` : change.key;
        const from = change.old !== void 0 ? short(change.old) : "∅";
        const to = change.new !== void 0 ? short(change.new) : "∅";
        lines.push(`    ${change.change.padEnd(8)} ${what}: ${from} → ${to}${change.untracked ? " (on disk, not in the manifest)" : ""}`);
      }
    } else if (pkg.parent) {
      lines.push("  changes: none");
    }
    for (const warning of pkg.warnings) lines.push(`  warning: ${warning}`);
    for (const problem of pkg.problems) lines.push(`  FAIL ${formatProblem(problem)}`);
  }
  if (doc.unreferenced_changes.length > 0) {
    lines.push("", "Changed files no manifest references:");
    for (const path of doc.unreferenced_changes) lines.push(`  ${path}`);
  }
  lines.push("", doc.failed ? "manifest check: FAILED" : "manifest check: ok");
  return `${lines.join("\n")}
`;
}
function short(value) {
  if (value.startsWith("sha256:")) return shortDigest(value);
  return value.length > 80 ? `${value.slice(0, 77)}...` : value;
}

// src/cli/manifest-commands.ts
function repoRootOf(cwd, explicit) {
  if (explicit) return resolve4(cwd, explicit);
  return findRepoRoot(cwd) ?? cwd;
}
function runValidate(ctx, paths, repoFlag) {
  const root = repoRootOf(ctx.cwd, repoFlag);
  const targets = paths.length > 0 ? paths : [resolve4(root, "manifests")];
  const explicitFiles = new Set(targets.map((p) => resolve4(ctx.cwd, p)));
  const files = expandYamlPaths(targets, ctx.cwd);
  const reader = readerAtWorktree(root);
  const problems = [];
  let checked = 0;
  for (const file of files) {
    const bytes = readInputFile(file, "manifest");
    if (!explicitFiles.has(file) && !isManifestCandidate(bytes)) continue;
    checked += 1;
    problems.push(...loadManifest(bytes, toRepoPath(root, file), { readFile: reader }).problems);
  }
  if (checked === 0) throw new InputError([{ file: paths.join(" ") || "manifests", message: "no kaizen-gate manifests found" }]);
  if (problems.length > 0) throw new InputError(problems, `${problems.length} problem${problems.length === 1 ? "" : "s"} in ${checked} manifest${checked === 1 ? "" : "s"}`);
  ctx.stdout(`${checked} manifest${checked === 1 ? "" : "s"} valid
`);
  return 0;
}
function runLock(ctx, paths, options) {
  const root = repoRootOf(ctx.cwd, options.repo);
  const files = expandYamlPaths(paths.length > 0 ? paths : [resolve4(root, "manifests")], ctx.cwd).filter(
    (file) => paths.some((p) => resolve4(ctx.cwd, p) === file) || isManifestCandidate(readFileSync3(file))
  );
  const reader = readerAtWorktree(root);
  const problems = [];
  const writes = [];
  for (const file of files) {
    const name = toRepoPath(root, file);
    const result = lockManifest(readInputFile(file, "manifest"), name, reader);
    problems.push(...result.problems);
    for (const update of result.updates) {
      ctx.stdout(`${name} ${update.field}: ${update.old ?? "∅"} → ${update.new}
`);
    }
    if (result.changed) writes.push({ file, text: result.text });
  }
  if (problems.length > 0) throw new InputError(problems);
  if (options.check) {
    ctx.stdout(writes.length === 0 ? "all digests up to date\n" : `${writes.length} manifest(s) need \`kaizen-gate lock\`
`);
    return writes.length === 0 ? 0 : 1;
  }
  for (const write of writes) writeFileAtomic(write.file, write.text);
  ctx.stdout(writes.length === 0 ? "all digests up to date\n" : `locked ${writes.length} manifest${writes.length === 1 ? "" : "s"}
`);
  return 0;
}
function runDiff(ctx, paths, options) {
  if (!options.base) throw new UsageError("diff needs --base <git-ref> (the commit to compare against)");
  const root = repoRootOf(ctx.cwd, options.repo);
  if (!findRepoRoot(root)) throw new InputError([{ file: root, message: "not inside a git repository; diff compares git commits" }]);
  const changeSet = resolveChangeSet({
    repo: root,
    base: options.base,
    ...options.head !== void 0 ? { head: options.head } : {},
    ...paths.length > 0 ? { manifests: paths.map((p) => toRepoPath(root, resolve4(ctx.cwd, p))) } : {}
  });
  const doc = {
    schema: "kaizen-gate/diff/v1",
    base: changeSet.base,
    head: changeSet.head,
    packages: changeSet.packages.map((p) => ({ ...p, problems: sortProblems(p.problems) })),
    changed_files: changeSet.changed_files,
    unreferenced_changes: changeSet.unreferenced_changes,
    failed: changeSet.packages.some((p) => p.problems.length > 0)
  };
  ctx.stdout(options.json ? `${JSON.stringify(doc, null, 2)}
` : renderDiffText(doc));
  if (doc.failed && options.json) {
    for (const pkg of doc.packages) for (const problem of pkg.problems) ctx.stderr(`${formatProblem(problem)}
`);
  }
  return doc.failed ? 1 : 0;
}

// src/cli/check-command.ts
function writeReportFiles(dir, report, envelope) {
  const json = join3(dir, "report.json");
  const markdown = join3(dir, "report.md");
  const signed = join3(dir, "report.intoto.json");
  writeFilesTogether(dir, [
    [json, serialiseReport(report)],
    [markdown, renderMarkdown(report)],
    ...envelope ? [[signed, `${JSON.stringify(envelope, null, 2)}
`]] : []
  ]);
  if (!envelope) rmSync2(signed, { force: true });
  return { json, markdown, ...envelope ? { envelope: signed } : {} };
}
function writeFilesTogether(dir, files) {
  const suffix = randomBytes2(6).toString("hex");
  const staged = [];
  const backups = /* @__PURE__ */ new Map();
  const committed = [];
  let failedAt = dir;
  try {
    mkdirSync2(dir, { recursive: true });
    for (const [path, text] of files) {
      failedAt = path;
      const temp = `${path}.${suffix}.tmp`;
      staged.push(temp);
      writeFileSync2(temp, text);
    }
    for (const [index, [path]] of files.entries()) {
      failedAt = path;
      if (existsSync(path) && statSync2(path).isFile()) {
        const backup = `${path}.${suffix}.bak`;
        copyFileSync(path, backup);
        backups.set(path, backup);
      }
      renameSync2(staged[index], path);
      committed.push(path);
    }
  } catch (error) {
    for (const path of committed.toReversed()) {
      const backup = backups.get(path);
      if (backup) renameSync2(backup, path);
      else rmSync2(path, { force: true });
    }
    throw new InputError([{ file: failedAt, message: `cannot write the report: ${describeWriteError(error)}; nothing was written` }]);
  } finally {
    for (const leftover of [...staged, ...backups.values()]) rmSync2(leftover, { force: true });
  }
}
function describeWriteError(error) {
  const code = error.code;
  switch (code) {
    case "EEXIST":
    case "ENOTDIR":
      return "a file is in the way where a directory is needed (--out names a directory)";
    case "EISDIR":
      return "a directory is in the way where the file should go";
    case "EACCES":
    case "EPERM":
    case "EROFS":
      return "permission denied";
    case "ENOSPC":
      return "no space left on the device";
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
function serialiseReport(report) {
  return `${JSON.stringify(report, null, 2)}
`;
}
function runCheck(ctx, positionals, flags, isTty) {
  const format = flags.format ?? "text";
  if (!["text", "json", "markdown"].includes(format)) throw new UsageError(`--format must be text, json or markdown, got "${format}"`);
  if (!flags.base) throw new UsageError("check needs --base <git-ref>: the commit holding the parent packages (e.g. origin/main)");
  let seed;
  if (flags.seed !== void 0) {
    seed = Number(flags.seed);
    if (!/^\d+$/.test(flags.seed) || !Number.isSafeInteger(seed) || seed > 4294967295) {
      throw new UsageError(`Expected --seed to be an integer from 0 to 4294967295, got "${flags.seed}"`);
    }
  }
  const evidenceFormat = flags["evidence-format"] ?? "auto";
  if (evidenceFormat !== "auto" && evidenceFormat !== "jsonl" && evidenceFormat !== "promptfoo") {
    throw new UsageError(`--evidence-format must be auto, jsonl or promptfoo, got "${evidenceFormat}"`);
  }
  const repo = repoRootOf(ctx.cwd, flags.repo);
  const report = gatherAndRun({
    cwd: ctx.cwd,
    repo,
    base: flags.base,
    ...flags.head !== void 0 ? { head: flags.head } : {},
    manifests: positionals.map((p) => toRepoPath(repo, resolve5(ctx.cwd, p))),
    parentEvidence: flags["parent-evidence"] ?? [],
    candidateEvidence: flags["candidate-evidence"] ?? [],
    evidence: flags.evidence ?? [],
    ...flags.policy !== void 0 ? { policy: flags.policy } : {},
    ...seed !== void 0 ? { seed } : {},
    ...flags["parent-side"] ? { parentSide: parseSideSelector(flags["parent-side"], "--parent-side") } : {},
    ...flags["candidate-side"] ? { candidateSide: parseSideSelector(flags["candidate-side"], "--candidate-side") } : {},
    ...flags["allow-unpaired"] ? { allowUnpaired: true } : {},
    evidenceFormat
  });
  const key = flags["signing-key"] === void 0 ? void 0 : readInputFile(resolve5(ctx.cwd, flags["signing-key"]), "signing key").toString("utf8");
  if (key !== void 0 && flags.out === void 0) throw new UsageError("--signing-key needs --out DIR: the signed envelope is written there as report.intoto.json");
  const attested = attestReport(report, key, "no --signing-key given");
  const final = attested.report;
  if (flags.out !== void 0) writeReportFiles(resolve5(ctx.cwd, flags.out), final, attested.envelope);
  if (format === "json") ctx.stdout(serialiseReport(final));
  else if (format === "markdown") ctx.stdout(renderMarkdown(final));
  else ctx.stdout(renderText(final, { color: isTty, ...flags.out !== void 0 ? { outDir: flags.out } : {} }));
  return exitCodeOf(final.decision.outcome);
}

// src/cli/audit-commands.ts
import { createHash as createHash4 } from "node:crypto";
import { closeSync, existsSync as existsSync2, mkdirSync as mkdirSync3, openSync, readdirSync as readdirSync2, statSync as statSync3, writeSync } from "node:fs";
import { join as join4, resolve as resolve6 } from "node:path";

// src/audit/log.ts
var STATUS = { approve: "approved", reject: "rejected", hold: "held", needs_approval: "needs approval" };
var SEVERITY = ["reject", "hold", "needs_approval", "approve"];
function buildKaizenLog(input) {
  const { versions, alive, lineagePaths } = collectVersions(input.changes);
  const selected = selectLineages(input.select, alive, lineagePaths);
  const results = /* @__PURE__ */ new Map();
  const recordsOf = (commit2) => {
    let list = results.get(commit2);
    if (!list) {
      list = (input.notes.get(commit2) ?? []).map((note) => input.verify(commit2, note.text));
      results.set(commit2, list);
    }
    return list;
  };
  const entries = [];
  const rollbacks = [];
  versions.forEach((version, index) => {
    const manifest = version.loaded.manifest;
    const parent = manifest ? findParent(version, versions.slice(0, index)) : void 0;
    let classes = [];
    let rollbackOf;
    if (manifest) {
      const lineageHistory = versions.slice(0, index).filter((v) => v.lineage === version.lineage || parent !== void 0 && v.lineage === parent.lineage).flatMap((v) => v.loaded.manifest ? [{ package_id: v.loaded.manifest.package_id, commit: v.change.commit, fingerprint: behaviourFingerprint(v.loaded.manifest) }] : []).toReversed();
      const diff = diffPackage({
        candidate: version.loaded,
        ...parent ? { parent: parent.loaded, parentCommit: parent.change.commit } : {},
        resolution: parent === void 0 ? "new_application" : parent.lineage === version.lineage ? "same_path" : "parent_package_id",
        baseDigests: /* @__PURE__ */ new Map(),
        history: lineageHistory
      });
      classes = [...diff.classes];
      rollbackOf = diff.rollback_of?.commit;
    }
    if (!selected.has(version.lineage)) return;
    const fields = fieldsOf(version.loaded);
    const all = recordsOf(version.change.commit);
    const mine = all.filter((r) => r.kind === "invalid" || packageIn(r, version.change.path, fields.package_id) !== void 0);
    const primary = pickPrimary(mine);
    const pkg = primary && primary.kind !== "invalid" ? packageIn(primary, version.change.path, fields.package_id) : void 0;
    const measureHead = !manifest ? "invalid manifest" : classes.length > 0 ? classes.join(", ") : "new package";
    const invalidOthers = mine.filter((r) => r !== primary && r.kind === "invalid").length;
    if (rollbackOf !== void 0) rollbacks.push({ entry: entries.length, targetCommit: rollbackOf, lineage: version.lineage });
    entries.push({
      id: version.id,
      date: utcDate(version.change.committedAt),
      owner: fields.owner,
      problem: fields.problem,
      measure: fields.summary ? `${measureHead}: ${fields.summary}` : measureHead,
      result: pkg ? resultOf(pkg) : "—",
      status: primary === void 0 ? "unrecorded" : pkg ? STATUS[pkg.decision.outcome] : "unverified",
      package_id: fields.package_id,
      application: fields.application,
      manifest: version.change.path,
      commit: version.change.commit,
      ...signatureOf(primary, invalidOthers),
      classes,
      ...pkg ? { decision: pkg.decision.outcome } : {},
      records: mine.length,
      lineage: version.lineage
    });
  });
  for (const rollback of rollbacks) {
    const by = entries[rollback.entry];
    const target = entries.findIndex((e) => e.lineage === rollback.lineage && e.commit === rollback.targetCommit);
    if (by === void 0 || target < 0) continue;
    for (let i = target + 1; i < rollback.entry; i++) {
      const entry = entries[i];
      if (entry && entry.lineage === rollback.lineage) entries[i] = { ...entry, status: "rolled back", rolled_back_by: by.id };
    }
  }
  return entries.map(({ lineage: _lineage, ...entry }) => entry);
}
function collectVersions(changes) {
  const alive = /* @__PURE__ */ new Map();
  const lineagePaths = /* @__PURE__ */ new Map();
  const perYear = /* @__PURE__ */ new Map();
  const versions = [];
  let lineages = 0;
  for (const change of changes) {
    let lineage = change.renamedFrom !== void 0 ? alive.get(change.renamedFrom) : void 0;
    if (change.renamedFrom !== void 0) alive.delete(change.renamedFrom);
    lineage ??= alive.get(change.path);
    const bytes = change.bytes;
    if (bytes === void 0 || !looksLikeManifest(bytes)) {
      alive.delete(change.path);
      continue;
    }
    lineage ??= lineages++;
    alive.set(change.path, lineage);
    const paths = lineagePaths.get(lineage) ?? /* @__PURE__ */ new Set();
    paths.add(change.path);
    lineagePaths.set(lineage, paths);
    if (change.previous !== void 0 && Buffer.from(change.previous).equals(Buffer.from(bytes))) continue;
    const year = utcDate(change.committedAt).slice(0, 4);
    const n = (perYear.get(year) ?? 0) + 1;
    perYear.set(year, n);
    versions.push({ change: { ...change, bytes }, lineage, id: `KZ-${year}-${String(n).padStart(3, "0")}`, loaded: loadManifest(bytes, change.path) });
  }
  return { versions, alive, lineagePaths };
}
function selectLineages(select, alive, lineagePaths) {
  if (select === void 0) return new Set([...alive].filter(([path]) => path.startsWith("manifests/")).map(([, lineage]) => lineage));
  const out = /* @__PURE__ */ new Set();
  const problems = [];
  for (const path of select) {
    const current = alive.get(path);
    const earlier = [...lineagePaths].filter(([, paths]) => paths.has(path)).map(([lineage]) => lineage);
    const folder = path === "" || path === "." ? "" : `${path.replace(/\/+$/, "")}/`;
    const inFolder = [...alive].filter(([p]) => p.startsWith(folder)).map(([, lineage]) => lineage);
    const found = current !== void 0 ? [current] : earlier.length > 0 ? earlier : inFolder;
    if (found.length === 0) problems.push({ file: path, message: "no version of a kaizen-gate manifest at this path on the first-parent history" });
    for (const lineage of found) out.add(lineage);
  }
  if (problems.length > 0) throw new InputError(problems);
  return out;
}
function findParent(version, earlier) {
  const sameLineage = earlier.findLast((v) => v.lineage === version.lineage && v.loaded.manifest !== void 0);
  if (sameLineage !== void 0) return sameLineage;
  const parentId = version.loaded.manifest?.parent_package_id;
  return parentId === void 0 ? void 0 : earlier.findLast((v) => v.loaded.manifest?.package_id === parentId);
}
function fieldsOf(loaded) {
  const value = loaded.yaml?.value;
  const root = asRecord2(value);
  const change = asRecord2(root["change"]);
  return {
    owner: textOf(change["owner"]),
    problem: textOf(change["problem"]),
    summary: textOf(change["summary"]),
    package_id: textOf(root["package_id"]),
    application: textOf(root["application"])
  };
}
function asRecord2(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? value : {};
}
function textOf(value) {
  return typeof value === "string" ? value : "";
}
function packageIn(result, manifest, packageId) {
  if (result.kind === "invalid") return void 0;
  const packages = result.report.packages;
  return packages.find((p) => p.manifest === manifest && p.package_id === packageId) ?? packages.find((p) => p.package_id === packageId);
}
function pickPrimary(records) {
  return records.toSorted((a, b) => rankOf(a) - rankOf(b))[0];
}
function rankOf(r) {
  const kind = r.kind === "verified" ? 0 : r.kind === "unsigned" ? 1 : 2;
  const outcome = r.kind === "invalid" ? "approve" : r.report.decision.outcome;
  const severity = SEVERITY.indexOf(outcome);
  return kind * 10 + (severity < 0 ? 9 : severity);
}
function signatureOf(primary, invalidOthers) {
  const more2 = invalidOthers > 0 ? `; and ${invalidOthers} INVALID record${invalidOthers === 1 ? "" : "s"}` : "";
  if (primary === void 0) return { signature: "none", signature_status: "none" };
  if (primary.kind === "invalid") return { signature: `INVALID: ${primary.reason}${more2}`, signature_status: "invalid" };
  if (primary.kind === "unsigned") return { signature: `unsigned${more2}`, signature_status: "unsigned" };
  const unchecked = primary.uncheckedEvidence.length;
  const note = unchecked > 0 ? `; ${unchecked} evidence file${unchecked === 1 ? "" : "s"} not in the commit, not checked` : "";
  return { signature: `verified with ${primary.keyid} (${primary.keySource})${note}${more2}`, signature_status: "verified" };
}
function resultOf(pkg) {
  const parts = pkg.gates.flatMap((gate) => {
    const text = headlineOf(gate);
    return text === void 0 ? [] : [`${gate.gate} ${text}`];
  });
  return parts.length > 0 ? `${pkg.decision.outcome}; ${parts.join(", ")}` : pkg.decision.outcome;
}
function headlineOf(gate) {
  const h = gate.headline;
  if (h === void 0 || gate.verdict === "not_applicable" || !Number.isFinite(h.estimate)) return void 0;
  const bounds = (format) => h.interval ? ` [${format(h.interval.lower)}, ${format(h.interval.upper)}]` : "";
  if (h.unit === "pp") return `${formatPp(h.estimate)}${bounds((v) => formatPp(v).replace(" pp", ""))}`;
  if (h.unit === "ratio") return `${formatRatioChange(h.estimate)}${bounds((v) => formatRatioChange(v).replace(" %", ""))}`;
  return void 0;
}
function utcDate(iso) {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso.slice(0, 10) : date.toISOString().slice(0, 10);
}

// src/audit/keyring.ts
var DEFAULT_KEYS_DIR = ".kaizen-gate/keys";
var REVOKED_FILE = "revoked.txt";
var KEY_FILE_PATTERN = /\.(pem|pub)$/i;
function parseRevokedList(text, file) {
  const ids = /* @__PURE__ */ new Set();
  const problems = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) return;
    const [id = ""] = line.split(/\s+/);
    if (/^sha256:[0-9a-f]{64}$/.test(id.toLowerCase())) ids.add(id.toLowerCase());
    else problems.push({ file, line: index + 1, column: 1, message: `expected a key id such as sha256:<64 hex digits>, found "${id.slice(0, 80)}"` });
  });
  if (problems.length > 0) throw new InputError(problems);
  return ids;
}
function trustedKeysFrom(files, revoked) {
  const problems = [];
  const keys = [];
  for (const file of files) {
    try {
      keys.push({ publicKeyPem: file.pem, source: file.source, revoked: revoked.has(keyIdOf(file.pem)) });
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      problems.push(...error.problems.map((p) => ({ ...p, file: file.source })));
    }
  }
  if (problems.length > 0) throw new InputError(problems);
  return keys;
}

// src/audit/render-log.ts
var LOG_FORMATS = ["table", "markdown", "csv", "json"];
var COLUMNS = [
  { key: "id", title: "ID" },
  { key: "date", title: "Date" },
  { key: "owner", title: "Owner" },
  { key: "problem", title: "Problem" },
  { key: "measure", title: "Measure" },
  { key: "result", title: "Result" },
  { key: "status", title: "Status" },
  { key: "package_id", title: "Package" },
  { key: "commit", title: "Commit" },
  { key: "signature", title: "Signature" }
];
var TABLE_CELL_WIDTH = 48;
function renderLog(entries, format) {
  switch (format) {
    case "json":
      return `${JSON.stringify({ schema: "kaizen-gate/log/v1", entries }, null, 2)}
`;
    case "csv":
      return renderCsv(entries);
    case "markdown":
      return renderMarkdownTable(entries);
    case "table":
      return renderTable(entries);
  }
}
function renderCsv(entries) {
  const keys = ["id", "date", "owner", "problem", "measure", "result", "status", "package_id", "manifest", "commit", "signature"];
  const rows = [keys.map((k) => k), ...entries.map((entry) => keys.map((k) => entry[k]))];
  return rows.map((row) => row.map(csvField).join(",")).join("\r\n") + "\r\n";
}
function csvField(value) {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}
function renderMarkdownTable(entries) {
  const header = `| ${COLUMNS.map((c) => c.title).join(" | ")} |`;
  const rule = `|${COLUMNS.map(() => "---").join("|")}|`;
  const rows = entries.map((entry) => `| ${COLUMNS.map((c) => markdownCell(entry, c.key)).join(" | ")} |`);
  return `${[header, rule, ...rows].join("\n")}
`;
}
function markdownCell(entry, key) {
  if (key === "commit") return `\`${entry.commit.slice(0, 12)}\``;
  return escapeTableCell(entry[key]);
}
function renderTable(entries) {
  if (entries.length === 0) return "No manifest releases found.\n";
  const cells = entries.map(
    (entry) => COLUMNS.map((c, index) => {
      const text = terminalText(c.key === "commit" ? entry.commit.slice(0, 12) : entry[c.key]);
      return index === COLUMNS.length - 1 ? text : cut(text, TABLE_CELL_WIDTH);
    })
  );
  const titles = COLUMNS.map((c) => c.title);
  const widths = titles.map((title, i) => Math.max(width(title), ...cells.map((row) => width(row[i] ?? ""))));
  const line = (row) => row.map((cell, i) => i === row.length - 1 ? cell : cell + " ".repeat((widths[i] ?? 0) - width(cell))).join("  ").trimEnd();
  return `${[line(titles), ...cells.map(line)].join("\n")}
`;
}
function terminalText(text) {
  return toPlainText(text, Number.MAX_SAFE_INTEGER);
}
function width(text) {
  return Array.from(text).length;
}
function cut(text, max) {
  const points = Array.from(text);
  return points.length <= max ? text : `${points.slice(0, max - 1).join("")}…`;
}

// src/audit/render-verify.ts
function renderVerified(result, commit2) {
  const { report } = result;
  const lines = [];
  const evidence = result.uncheckedEvidence.length > 0 ? `; ${result.uncheckedEvidence.length} evidence file(s) not checked: ${result.uncheckedEvidence.join(", ")}` : "";
  lines.push(`VALID: signed by ${result.keyid} (${result.keySource}) for commit ${commit2}; ${result.checked} subject file${result.checked === 1 ? "" : "s"} match${evidence}.`);
  lines.push(`Decision: ${report.decision.outcome} — ${report.decision.summary}`);
  for (const pkg of report.packages) {
    lines.push("");
    lines.push(`${pkg.application} ${pkg.package_id} (${pkg.manifest}): ${pkg.decision.outcome}`);
    const nameWidth = Math.max(...pkg.gates.map((g) => g.gate.length), 4);
    const verdictWidth = Math.max(...pkg.gates.map((g) => g.verdict.length), 4);
    for (const gate of pkg.gates) {
      const headline = headlineText(gate);
      lines.push(`  ${gate.gate.padEnd(nameWidth)}  ${gate.verdict.padEnd(verdictWidth)}  ${headline ? `${headline}  ` : ""}${gate.reason}`);
    }
  }
  return `${lines.map(clean2).join("\n")}
`;
}
function headlineText(gate) {
  const h = gate.headline;
  if (h === void 0 || gate.verdict === "not_applicable" || h.unit === "count" || !Number.isFinite(h.estimate)) return void 0;
  return `${formatValue(h.estimate, h.unit)}${h.interval ? ` (${formatInterval(h.interval, h.unit)})` : ""}`;
}
function clean2(line) {
  return toPlainText(line, Number.MAX_SAFE_INTEGER);
}

// src/report/verify-envelope.ts
import { verify } from "node:crypto";
function verifyEnvelope(envelopeJson, trusted) {
  const keys = loadTrustedKeys(trusted);
  let parsed;
  try {
    parsed = JSON.parse(envelopeJson);
  } catch {
    return fail2("The envelope is not JSON.");
  }
  const envelope = readEnvelope(parsed);
  if ("reason" in envelope) return envelope;
  if (envelope.payloadType !== PAYLOAD_TYPE) {
    return fail2(
      `The envelope's payloadType is ${JSON.stringify(envelope.payloadType)}, expected "${PAYLOAD_TYPE}" (an in-toto statement).`
    );
  }
  if (envelope.signatures.length === 0) return fail2("The envelope has no signatures.");
  const payload = decodeBase64(envelope.payload);
  if (typeof payload === "string") return fail2(`The envelope's payload is not valid base64: ${payload}.`);
  const signatures = [];
  for (const [index, signature] of envelope.signatures.entries()) {
    const bytes = decodeBase64(signature.sig);
    if (typeof bytes === "string") return fail2(`Signature ${index + 1} is not valid base64: ${bytes}.`);
    signatures.push(bytes);
  }
  if (keys.length === 0) return fail2("No trusted public keys were given, so no signature can be accepted.");
  const pae = preAuthEncoding(envelope.payloadType, payload);
  let revokedSigner;
  for (const signature of signatures) {
    for (const key of keys) {
      if (!verifySignature(key, pae, signature)) continue;
      if (!key.revoked) return readSignedStatement(payload, key);
      revokedSigner ??= key;
    }
  }
  if (revokedSigner !== void 0) {
    return fail2(`The envelope is signed by key ${describeKey(revokedSigner)}, which is revoked.`);
  }
  const hints = [...new Set(envelope.signatures.map((s) => s.keyid).filter((id) => id !== void 0 && id !== ""))];
  const hinted = keys.find((key) => hints.includes(key.keyid));
  if (hinted !== void 0) {
    return fail2(
      `The signature by trusted key ${describeKey(hinted)} does not verify: the payload or the signature was changed after signing.`
    );
  }
  const trustedList = keys.map(describeKey).join(", ");
  if (hints.length > 0) {
    return fail2(`The envelope is signed by ${hints.join(", ")}, which is not a trusted key (trusted: ${trustedList}).`);
  }
  return fail2(`No signature in the envelope verifies with a trusted key (trusted: ${trustedList}).`);
}
function checkSubjects(statement, digestOf2, commit2) {
  if (!/^(?:[0-9a-f]{40}|[0-9a-f]{64})$/i.test(commit2)) {
    throw new Error(`checkSubjects: "${commit2}" is not a full commit id.`);
  }
  const wanted = commit2.toLowerCase();
  const commits = /* @__PURE__ */ new Set();
  const mismatches = [];
  const checked = [];
  for (const subject of statement.subject) {
    const gitCommit = subject.digest["gitCommit"];
    if (gitCommit !== void 0) {
      commits.add(gitCommit.toLowerCase());
      continue;
    }
    const signed = subject.digest["sha256"]?.toLowerCase();
    const actual = digestOf2(subject.name)?.toLowerCase();
    if (signed === void 0 || actual === void 0 || signed !== actual) {
      mismatches.push({ name: subject.name, signed, actual });
    } else {
      checked.push(subject.name);
    }
  }
  const signedCommit = commits.size === 1 ? [...commits][0] : void 0;
  const commitMatches = signedCommit === wanted;
  if (commitMatches && mismatches.length === 0) return { ok: true, commit: wanted, checked };
  const parts = [];
  if (!commitMatches) {
    if (commits.size === 0) parts.push("the statement names no commit");
    else if (commits.size > 1) parts.push(`the statement names ${commits.size} different commits`);
    else parts.push(`the report was signed for commit ${signedCommit}, not ${wanted}`);
  }
  if (mismatches.length > 0) {
    const list = mismatches.map((m) => `${m.name} (${describeMismatch(m)})`).join(", ");
    const noun = mismatches.length === 1 ? "subject does" : "subjects do";
    parts.push(`${mismatches.length} ${noun} not match the files at ${wanted}: ${list}`);
  }
  const sentence = parts.join("; ");
  return {
    ok: false,
    reason: `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`,
    commitMatches,
    signedCommit,
    mismatches
  };
}
function loadTrustedKeys(trusted) {
  const problems = [];
  const keys = [];
  for (const entry of trusted) {
    try {
      keys.push({ ...loadPublicKey(entry.publicKeyPem, entry.source), source: entry.source, revoked: entry.revoked === true });
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      problems.push(...error.problems);
    }
  }
  if (problems.length > 0) throw new InputError(problems);
  const revoked = new Set(keys.filter((key) => key.revoked).map((key) => key.keyid));
  return keys.map((key) => revoked.has(key.keyid) ? { ...key, revoked: true } : key);
}
function readEnvelope(value) {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return fail2("The envelope is malformed: it is not a JSON object.");
  }
  const record = value;
  const { payloadType, payload, signatures } = record;
  if (typeof payloadType !== "string") return fail2("The envelope is malformed: payloadType must be a string.");
  if (typeof payload !== "string") return fail2("The envelope is malformed: payload must be a string.");
  if (!Array.isArray(signatures)) return fail2("The envelope is malformed: signatures must be a list.");
  const read = [];
  for (const [index, entry] of signatures.entries()) {
    const signature = typeof entry === "object" && entry !== null ? entry : {};
    const { keyid, sig } = signature;
    if (typeof sig !== "string") return fail2(`The envelope is malformed: signature ${index + 1} has no sig string.`);
    if (keyid !== void 0 && typeof keyid !== "string") {
      return fail2(`The envelope is malformed: signature ${index + 1} has a keyid that is not a string.`);
    }
    read.push({ keyid, sig });
  }
  return { payloadType, payload, signatures: read };
}
function verifySignature(key, pae, signature) {
  try {
    return key.algorithm === "ed25519" ? verify(null, pae, key.key, signature) : verify("sha256", pae, { key: key.key, dsaEncoding: "der" }, signature);
  } catch {
    return false;
  }
}
function readSignedStatement(payload, key) {
  let text;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(payload);
  } catch {
    return fail2("The signed payload is not UTF-8 text.");
  }
  let value;
  try {
    value = JSON.parse(text);
  } catch {
    return fail2("The signed payload is not JSON.");
  }
  const read = readStatement(value);
  if (!read.ok) return read;
  return { ok: true, keyid: key.keyid, keySource: key.source, statement: read.statement };
}
function decodeBase64(text) {
  const stray = /[^A-Za-z0-9+/=_-]/.exec(text);
  if (stray !== null) return `character ${stray.index + 1} (${JSON.stringify(stray[0])}) is not in the base64 alphabet`;
  const body = text.replace(/=+$/, "");
  if (body.includes("=")) return 'padding "=" appears before the end';
  if (/[+/]/.test(body) && /[-_]/.test(body)) return "it mixes the standard and URL-safe alphabets";
  if (body.length % 4 === 1) return `${text.length} characters cannot encode whole bytes`;
  if (body.length !== text.length && text.length % 4 !== 0) return 'its "=" padding is wrong';
  const urlSafe = /[-_]/.test(body);
  const bytes = Buffer.from(body, urlSafe ? "base64url" : "base64");
  const again = bytes.toString(urlSafe ? "base64url" : "base64").replace(/=+$/, "");
  if (again !== body) return "its last character has non-zero unused bits";
  return new Uint8Array(bytes);
}
function describeKey(key) {
  return `${key.keyid} (${key.source})`;
}
function describeMismatch(mismatch) {
  if (mismatch.actual === void 0) return "missing at the commit";
  if (mismatch.signed === void 0) return "no sha256 in the statement";
  return "content changed";
}
function fail2(reason) {
  return { ok: false, reason };
}

// src/audit/verify-record.ts
var COMMIT_AT = new RegExp(`^(.+)${AT_COMMIT}([0-9a-f]{40}|[0-9a-f]{64})$`);
function verifyRecord(text, context) {
  let parsed;
  try {
    parsed = JSON.parse(text);
  } catch {
    return invalid("The envelope is not JSON.");
  }
  if (isRecord(parsed) && parsed["unsigned"] === true && !("payload" in parsed)) return readUnsigned(parsed, context.commit);
  const verified = verifyEnvelope(text, context.trusted);
  if (!verified.ok) return invalid(rewordRevoked(verified.reason, parsed, context.revokedIds));
  const report = readReport(verified.statement.predicate);
  if (typeof report === "string") return invalid(report);
  const wanted = context.commit.toLowerCase();
  const evidence = new Set(report.subject.evidence.map((e) => e.path));
  const unchecked = [];
  const located = (name) => {
    const match = COMMIT_AT.exec(name);
    return match ? { path: match[1] ?? name, commit: (match[2] ?? "").toLowerCase() } : { path: name, commit: wanted };
  };
  const subjects = verified.statement.subject.filter((subject) => {
    if (subject.digest["gitCommit"] !== void 0 || !evidence.has(subject.name) || context.evidenceDigest !== void 0) return true;
    if (context.digestAt(wanted, subject.name) !== void 0) return true;
    unchecked.push(subject.name);
    return false;
  });
  const missingEvidence = [];
  const digestOf2 = (name) => {
    const { commit: commit2, path } = located(name);
    const atCommit = context.digestAt(commit2, path);
    if (atCommit !== void 0 || !evidence.has(name) || context.evidenceDigest === void 0) return atCommit;
    const elsewhere = context.evidenceDigest(name);
    if (elsewhere === void 0) missingEvidence.push(name);
    return elsewhere;
  };
  const statement = { ...verified.statement, subject: subjects };
  const check = checkSubjects(statement, digestOf2, wanted);
  if (!check.ok) {
    const onlyMissingEvidence = check.commitMatches && check.mismatches.every((m) => missingEvidence.includes(m.name));
    if (!onlyMissingEvidence) return invalid(check.reason);
    const list = check.mismatches.map((m) => m.name).join(", ");
    const one = check.mismatches.length === 1;
    return invalid(
      `The evidence file${one ? "" : "s"} ${list} ${one ? "is" : "are"} neither in commit ${wanted.slice(0, 12)} nor ${context.evidenceWhere ?? "in the evidence folder"}; pass --evidence-dir with the evidence the report was made from.`
    );
  }
  if (report.subject.commit !== void 0 && report.subject.commit.toLowerCase() !== wanted) {
    return invalid(`The signed report names commit ${report.subject.commit} while its statement names ${wanted}.`);
  }
  return { kind: "verified", keyid: verified.keyid, keySource: verified.keySource, report, checked: check.checked.length, uncheckedEvidence: unchecked };
}
function readReport(value) {
  const what = "The signed predicate is not a kaizen-gate report";
  if (!isRecord(value)) return `${what}.`;
  if (value["schema"] !== "kaizen-gate/report/v1") return `${what} (schema ${JSON.stringify(value["schema"]) ?? "missing"}, expected "kaizen-gate/report/v1").`;
  const decision = value["decision"];
  const subject = value["subject"];
  const packages = value["packages"];
  if (!isRecord(decision) || typeof decision["outcome"] !== "string") return `${what}: it has no decision.`;
  if (!isRecord(subject) || !Array.isArray(subject["evidence"]) || !Array.isArray(subject["manifests"])) return `${what}: it has no subject files.`;
  if (!Array.isArray(packages)) return `${what}: it has no packages.`;
  for (const pkg of packages) {
    if (!isRecord(pkg) || typeof pkg["package_id"] !== "string" || typeof pkg["manifest"] !== "string" || !Array.isArray(pkg["gates"])) {
      return `${what}: a package entry lacks its package_id, manifest or gates.`;
    }
    const pkgDecision = pkg["decision"];
    if (!isRecord(pkgDecision) || typeof pkgDecision["outcome"] !== "string") return `${what}: package ${pkg["package_id"]} has no decision.`;
  }
  return value;
}
function readUnsigned(value, commit2) {
  const report = readReport(value["report"]);
  if (typeof report === "string") return invalid(report.replace("The signed predicate", "The unsigned record"));
  const reportCommit = report.subject.commit?.toLowerCase();
  if (reportCommit !== commit2.toLowerCase()) {
    return invalid(`The unsigned report is for commit ${reportCommit ?? "(none)"}, not ${commit2.toLowerCase()}.`);
  }
  return { kind: "unsigned", report, reason: report.signature.reason ?? "not signed" };
}
function rewordRevoked(reason, parsed, revoked) {
  if (revoked === void 0 || revoked.size === 0 || !/not a trusted key|No signature in the envelope/.test(reason)) return reason;
  const signatures = isRecord(parsed) && Array.isArray(parsed["signatures"]) ? parsed["signatures"] : [];
  const hint = signatures.map((s) => isRecord(s) && typeof s["keyid"] === "string" ? s["keyid"].toLowerCase() : "").find((id) => revoked.has(id));
  return hint === void 0 ? reason : `The envelope is signed by key ${hint}, which is revoked.`;
}
function isRecord(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function invalid(reason) {
  return { kind: "invalid", reason };
}

// src/git/notes.ts
var NOTES_REF = "refs/notes/kaizen-gate";
function readNotes(repo, commit2, ref = NOTES_REF) {
  const sha = git(repo, ["rev-parse", "--verify", "--quiet", "--end-of-options", `${commit2}^{commit}`]).toString().trim();
  const text = tryGit(repo, ["notes", `--ref=${ref}`, "show", sha])?.toString();
  return text === void 0 ? [] : parseNoteText(text);
}
function readAllNotes(repo, ref = NOTES_REF) {
  const out = /* @__PURE__ */ new Map();
  if (tryGit(repo, ["rev-parse", "--verify", "--quiet", ref]) === void 0) return out;
  const pairs = git(repo, ["notes", `--ref=${ref}`, "list"]).toString().split("\n").filter(Boolean).map((row) => row.split(" "));
  const blobs = readBlobs(repo, pairs.map(([blob]) => blob));
  for (const [blob, commit2] of pairs) out.set(commit2, parseNoteText(blobs.get(blob)?.toString("utf8") ?? ""));
  return out;
}
function parseNoteText(text) {
  const out = [];
  text.split("\n").forEach((raw, index) => {
    const line = raw.trim();
    if (line === "") return;
    try {
      out.push({ line: index + 1, text: line, value: JSON.parse(line) });
    } catch (error) {
      out.push({ line: index + 1, text: line, value: void 0, error: error instanceof Error ? error.message : String(error) });
    }
  });
  return out;
}
function readBlobs(repo, ids) {
  const out = /* @__PURE__ */ new Map();
  const unique = [...new Set(ids)];
  if (unique.length === 0) return out;
  const data = git(repo, ["cat-file", "--batch"], { input: `${unique.join("\n")}
` });
  let offset = 0;
  while (offset < data.length) {
    const end = data.indexOf(10, offset);
    if (end < 0) throw new GitError("git cat-file --batch gave output that ends mid-header");
    const header = data.subarray(offset, end).toString();
    offset = end + 1;
    const [id = "", type = "", size = ""] = header.split(" ");
    if (type === "missing") continue;
    const length = Number(size);
    if (!Number.isInteger(length)) throw new GitError(`git cat-file --batch gave an unexpected header: ${header}`);
    out.set(id, data.subarray(offset, offset + length));
    offset += length + 1;
  }
  return out;
}

// src/git/history.ts
var NULL_OID = /^0+$/;
function readYamlHistory(repo, rev = "HEAD") {
  if (tryGit(repo, ["rev-parse", "--is-shallow-repository"])?.toString().trim() === "true") {
    throw new InputError([
      { file: repo, message: "the clone is shallow, so the release history would be incomplete and the KZ ids wrong; fetch the full history (actions/checkout with `fetch-depth: 0`, or `git fetch --unshallow`)" }
    ]);
  }
  const head = resolveCommit(repo, rev, "--rev");
  const out = git(repo, [
    "-c",
    "core.quotePath=false",
    "log",
    "--first-parent",
    "--diff-merges=first-parent",
    "--root",
    "-M",
    "--raw",
    "--no-abbrev",
    "-z",
    "--format=%x1e%H%x1f%cI",
    head,
    "--",
    ":(icase)*.yaml",
    ":(icase)*.yml"
  ]).toString("utf8");
  const commits = [];
  for (const chunk of out.split("")) {
    if (chunk === "") continue;
    const tokens = chunk.split("\0");
    const [commit2 = "", committedAt = ""] = (tokens[0] ?? "").split("");
    const changes = [];
    for (let i = 1; i < tokens.length; i++) {
      const meta = (tokens[i] ?? "").replace(/^\n/, "");
      if (!meta.startsWith(":")) continue;
      const [, , oldOid = "", newOid = "", status = ""] = meta.slice(1).split(" ");
      if (status.startsWith("R") || status.startsWith("C")) {
        changes.push({ commit: commit2, committedAt, status, oldOid, newOid, path: tokens[i + 2] ?? "", renamedFrom: tokens[i + 1] ?? "" });
        i += 2;
      } else {
        changes.push({ commit: commit2, committedAt, status, oldOid, newOid, path: tokens[i + 1] ?? "" });
        i += 1;
      }
    }
    commits.push(changes.toSorted((a, b) => a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }
  commits.reverse();
  const oids = commits.flat().flatMap((c) => [c.oldOid, c.newOid]).filter((oid) => !NULL_OID.test(oid));
  const blobs = readBlobs(repo, oids);
  const versions = [];
  commits.forEach((changes, sequence) => {
    for (const change of changes) {
      const bytes = NULL_OID.test(change.newOid) ? void 0 : blobs.get(change.newOid);
      const previous = NULL_OID.test(change.oldOid) ? void 0 : blobs.get(change.oldOid);
      versions.push({
        commit: change.commit,
        committedAt: change.committedAt,
        sequence,
        path: change.path,
        ...change.renamedFrom !== void 0 && change.status.startsWith("R") ? { renamedFrom: change.renamedFrom } : {},
        ...bytes !== void 0 ? { bytes: new Uint8Array(bytes) } : {},
        ...previous !== void 0 ? { previous: new Uint8Array(previous) } : {}
      });
    }
  });
  return versions;
}

// src/cli/command.ts
var repoOption = { repo: { type: "string" } };

// src/cli/audit-commands.ts
var keyOptions = { key: { type: "string", multiple: true }, "keys-dir": { type: "string" } };
var AUDIT_COMMANDS = {
  keygen: {
    summary: "create a signing key pair for reports",
    usage: "kaizen-gate keygen --out DIR [--algorithm ed25519|ecdsa-p256]",
    options: { out: { type: "string" }, algorithm: { type: "string" } },
    help: `Writes a new key pair into DIR: kaizen-gate.key (PKCS#8 PEM private key, created with mode 0600)
and kaizen-gate.pub (SPKI PEM public key). Existing files are never overwritten. The private key is
never printed: store the file's content as the Action's signing-key secret, then delete it. Commit
the public key to ${DEFAULT_KEYS_DIR}/ (any name ending in .pem or .pub) so verify and log trust it.

Options:
  --out DIR         folder to write the two files to (created if missing)
  --algorithm ALG   ed25519 (default, deterministic signatures) or ecdsa-p256 (cosign's default type)

Exit status: 0 written, 2 invalid usage or a file already exists.`,
    run: (ctx, values) => runKeygen(ctx, values.out, values.algorithm)
  },
  verify: {
    summary: "verify a signed report (report.intoto.json or git notes) for a commit",
    usage: "kaizen-gate verify ENVELOPE --key PUB [--key PUB…] [--keys-dir DIR] [--commit SHA] [--repo DIR] [--evidence-dir DIR]\n       kaizen-gate verify --from-notes COMMIT --key PUB [options]",
    options: { ...repoOption, ...keyOptions, commit: { type: "string" }, "evidence-dir": { type: "string" }, "from-notes": { type: "string" } },
    help: `Checks a DSSE envelope: its signature by a trusted, non-revoked key; that the signed statement is
for --commit; that every subject's sha256 matches the file — candidate manifests, artifacts and
evidence at --commit, parent manifests (named path@sha) at that sha. Evidence files that are not in
the commit are looked up under --evidence-dir. Then prints the decision and every gate's verdict.

Options:
  --key PUB            trusted public key, PEM (repeatable)
  --keys-dir DIR       trust every *.pem / *.pub in DIR; DIR/${REVOKED_FILE} lists revoked key ids
  --commit SHA         the commit the report must be for (default HEAD)
  --evidence-dir DIR   where evidence files not in the commit are (default: the repository's work tree)
  --from-notes COMMIT  verify every report recorded on COMMIT in ${NOTES_REF} (instead of ENVELOPE)
  --repo DIR           repository root (default: the git top level of the working directory)

Revocation: ${REVOKED_FILE} in --keys-dir, or else in the repository's ${DEFAULT_KEYS_DIR}/, applies to
--key keys too.

Exit status: 0 valid, 1 not valid (one sentence says why), 2 invalid usage (missing file, no key).`,
    run: (ctx, values, positionals) => runVerify(ctx, values, positionals)
  },
  log: {
    summary: "print the Kaizen log of manifest releases with verified signatures",
    usage: "kaizen-gate log [manifest…] [--format table|markdown|csv|json] [--key PUB…] [--keys-dir DIR] [--repo DIR]",
    options: { ...repoOption, ...keyOptions, format: { type: "string" } },
    help: `Walks the first-parent history of HEAD and prints one entry per released manifest version:
ID (KZ-YYYY-NNN), date, owner, problem, measure (change classes and summary), result (decision and
headline deltas), status, package, commit and signature status. Reports are read from the git
notes in ${NOTES_REF}; on a fresh clone fetch them first:
  git fetch origin 'refs/notes/*:refs/notes/*'

IDs number every manifest version in the repository per calendar year (UTC commit date), in the
order commits entered the first-parent history, then by path; adding releases never renumbers.

Options:
  --format FMT     table (default), markdown, csv (RFC 4180) or json
  --key PUB        trusted public key, PEM (repeatable)
  --keys-dir DIR   trusted keys folder (default ${DEFAULT_KEYS_DIR} in the repository)
  --repo DIR       repository root (default: the git top level of the working directory)

Without manifest arguments, every manifest under manifests/ at HEAD is shown, with its history
followed across renames.

Exit status: 0 printed, 1 some record is INVALID, 2 invalid usage.`,
    run: (ctx, values, positionals) => runLog(ctx, values, positionals)
  }
};
function runKeygen(ctx, out, algorithmFlag) {
  if (!out) throw new UsageError("keygen needs --out DIR: the folder to write kaizen-gate.key and kaizen-gate.pub to");
  const algorithm = algorithmFlag ?? "ed25519";
  if (algorithm !== "ed25519" && algorithm !== "ecdsa-p256") throw new UsageError(`--algorithm must be ed25519 or ecdsa-p256, got "${algorithm}"`);
  const dir = resolve6(ctx.cwd, out);
  const privatePath = join4(dir, "kaizen-gate.key");
  const publicPath = join4(dir, "kaizen-gate.pub");
  const existing = [privatePath, publicPath].filter((path) => existsSync2(path));
  if (existing.length > 0) {
    throw new InputError(existing.map((file) => ({ file, message: "already exists; keygen never overwrites a key (choose another --out folder)" })));
  }
  const pair = generateSigningKeyPair(algorithm);
  mkdirSync3(dir, { recursive: true, mode: 448 });
  writeNewFile(privatePath, pair.privateKeyPem, 384);
  writeNewFile(publicPath, pair.publicKeyPem, 420);
  ctx.stdout(
    `Public key: ${publicPath}
Key id: ${pair.keyid}
Private key written to ${privatePath} (mode 0600); store its content as the signing-key secret and keep it out of the repository.
Trust the public key by committing it, e.g. cp ${publicPath} ${DEFAULT_KEYS_DIR}/<name>.pub
`
  );
  return 0;
}
function writeNewFile(path, text, mode) {
  let fd;
  try {
    fd = openSync(path, "wx", mode);
  } catch (error) {
    const code = error.code;
    throw new InputError([{ file: path, message: code === "EEXIST" ? "already exists; keygen never overwrites a key" : `cannot be created (${code ?? String(error)})` }]);
  }
  try {
    writeSync(fd, text);
  } finally {
    closeSync(fd);
  }
}
function loadKeyring(ctx, repo, values, defaultDir) {
  const keyFlags = values.key ?? [];
  const dirFlag = values["keys-dir"];
  const repoKeys = join4(repo, DEFAULT_KEYS_DIR);
  const dir = dirFlag !== void 0 ? resolve6(ctx.cwd, dirFlag) : defaultDir && existsSync2(repoKeys) ? repoKeys : void 0;
  const files = keyFlags.map((path) => ({ source: path, pem: readInputFile(resolve6(ctx.cwd, path), "public key file").toString("utf8") }));
  if (dir !== void 0) {
    if (!existsSync2(dir) || !statSync3(dir).isDirectory()) throw new InputError([{ file: dirFlag ?? dir, message: "keys folder does not exist" }]);
    for (const name of readdirSync2(dir).filter((n) => KEY_FILE_PATTERN.test(n)).toSorted()) {
      const path = join4(dir, name);
      files.push({ source: toRepoPath(ctx.cwd, path).startsWith("..") ? path : toRepoPath(ctx.cwd, path), pem: readInputFile(path, "public key file").toString("utf8") });
    }
  }
  const revokedPath = join4(dir ?? repoKeys, REVOKED_FILE);
  const revoked = existsSync2(revokedPath) ? parseRevokedList(readInputFile(revokedPath, "revocation list").toString("utf8"), revokedPath) : /* @__PURE__ */ new Set();
  return { trusted: trustedKeysFrom(files, revoked), revoked };
}
function gitDigests(repo) {
  const readers = /* @__PURE__ */ new Map();
  return (commit2, path) => {
    let reader = readers.get(commit2);
    if (!reader) {
      reader = readerAtCommit(repo, commit2);
      readers.set(commit2, reader);
    }
    try {
      const read = reader(path);
      return read.kind === "file" ? sha256Hex(read.bytes) : void 0;
    } catch {
      return void 0;
    }
  };
}
function sha256Hex(bytes) {
  return createHash4("sha256").update(bytes).digest("hex");
}
function runVerify(ctx, values, positionals) {
  const fromNotes = values["from-notes"];
  if (fromNotes === void 0 && positionals.length !== 1) throw new UsageError("verify needs exactly one ENVELOPE file (e.g. kaizen-gate-report/report.intoto.json), or --from-notes COMMIT");
  if (fromNotes !== void 0 && positionals.length > 0) throw new UsageError("verify takes either an ENVELOPE file or --from-notes COMMIT, not both");
  if (values.key === void 0 && values["keys-dir"] === void 0) {
    throw new UsageError(`verify needs a trusted public key: --key PUB (repeatable) or --keys-dir DIR (e.g. ${DEFAULT_KEYS_DIR})`);
  }
  const envelopePath = positionals[0];
  const envelopeText = envelopePath === void 0 ? void 0 : readInputFile(resolve6(ctx.cwd, envelopePath), "envelope").toString("utf8");
  const repo = repoRootOf(ctx.cwd, values.repo);
  if (!findRepoRoot(repo)) throw new InputError([{ file: repo, message: "not inside a git repository; verify checks subjects against a commit (use --repo)" }]);
  const keyring = loadKeyring(ctx, repo, values, false);
  if (keyring.trusted.length === 0) throw new UsageError(`no trusted public key in ${String(values["keys-dir"])} (files ending in .pem or .pub); pass --key PUB`);
  const commitFlag = values.commit;
  const commit2 = resolveCommit(repo, fromNotes ?? commitFlag ?? "HEAD", fromNotes !== void 0 ? "--from-notes" : "--commit");
  if (fromNotes !== void 0 && commitFlag !== void 0 && resolveCommit(repo, commitFlag, "--commit") !== commit2) {
    throw new UsageError("--commit and --from-notes name different commits; a note is verified for the commit it is attached to");
  }
  const evidenceDir = resolve6(ctx.cwd, values["evidence-dir"] ?? repo);
  if (!existsSync2(evidenceDir) || !statSync3(evidenceDir).isDirectory()) throw new InputError([{ file: evidenceDir, message: "evidence folder does not exist" }]);
  const readEvidence = readerAtWorktree(evidenceDir);
  const context = {
    trusted: keyring.trusted,
    revokedIds: keyring.revoked,
    commit: commit2,
    digestAt: gitDigests(repo),
    evidenceDigest: (path) => {
      const read = readEvidence(path);
      return read.kind === "file" ? sha256Hex(read.bytes) : void 0;
    },
    evidenceWhere: `under ${evidenceDir}`
  };
  if (envelopeText !== void 0) return printResult(ctx, verifyRecord(envelopeText, context), commit2, "");
  const notes = readNotes(repo, commit2);
  if (notes.length === 0) {
    ctx.stderr(`kaizen-gate: commit ${commit2} has no report in ${NOTES_REF}; fetch the notes first: git fetch origin 'refs/notes/*:refs/notes/*'
`);
    return 1;
  }
  let status = 0;
  for (const note of notes) {
    const prefix = notes.length > 1 ? `[note line ${note.line}] ` : "";
    if (printResult(ctx, verifyRecord(note.text, context), commit2, prefix) !== 0) status = 1;
  }
  return status;
}
function printResult(ctx, result, commit2, prefix) {
  if (result.kind === "verified") {
    ctx.stdout(`${prefix}${renderVerified(result, commit2)}`);
    return 0;
  }
  const sentence = result.kind === "unsigned" ? `The report is unsigned (${result.reason}), so there is nothing to verify.` : result.reason;
  ctx.stderr(`${prefix}INVALID: ${sentence}
`);
  return 1;
}
function runLog(ctx, values, positionals) {
  const format = values.format ?? "table";
  if (!LOG_FORMATS.includes(format)) throw new UsageError(`--format must be one of ${LOG_FORMATS.join(", ")}, got "${format}"`);
  const repo = repoRootOf(ctx.cwd, values.repo);
  if (!findRepoRoot(repo)) throw new InputError([{ file: repo, message: "not inside a git repository; log reads the git history (use --repo)" }]);
  const keyring = loadKeyring(ctx, repo, values, true);
  const digestAt = gitDigests(repo);
  const entries = buildKaizenLog({
    changes: readYamlHistory(repo),
    notes: readAllNotes(repo),
    verify: (commit2, text) => verifyRecord(text, { trusted: keyring.trusted, revokedIds: keyring.revoked, commit: commit2, digestAt }),
    ...positionals.length > 0 ? { select: positionals.map((p) => toRepoPath(repo, resolve6(ctx.cwd, p))) } : {}
  });
  if (keyring.trusted.length === 0 && entries.some((e) => e.records > 0)) {
    ctx.stderr(`kaizen-gate: no trusted public keys (--key, --keys-dir or ${DEFAULT_KEYS_DIR}/); signatures cannot be verified.
`);
  }
  if (entries.length === 0 && positionals.length === 0) {
    ctx.stderr("kaizen-gate: no kaizen-gate manifests under manifests/ at HEAD; name the manifests to show.\n");
  }
  ctx.stdout(renderLog(entries, format));
  return entries.some((e) => e.signature_status === "invalid") ? 1 : 0;
}

// src/cli.ts
var EXIT = { ok: 0, failed: 1, invalid: 2, needsApproval: 3 };
var COMMANDS = {
  validate: {
    summary: "check manifests against the schema and their artifacts' digests",
    usage: "kaizen-gate validate [path…] [--repo DIR]",
    options: { ...repoOption },
    help: `Validates package manifests: YAML shape, JSON Schema, and every referenced file (exists inside
the repository, matches its recorded sha256). Paths may be files or directories (default: manifests/).
In directories, valid YAML files that are not kaizen-gate manifests (CI configs, policies) are
skipped; YAML files that cannot be read or parsed are reported.

Options:
  --repo DIR   repository root (default: the git top level of the working directory)

Exit status: 0 all valid, 2 problems found (each printed as file:line:col field: message).`,
    run: (ctx, values, positionals) => runValidate(ctx, positionals, values.repo)
  },
  lock: {
    summary: "rewrite the artifact digests recorded in manifests",
    usage: "kaizen-gate lock [manifest…] [--check] [--repo DIR]",
    options: { ...repoOption, check: { type: "boolean" } },
    help: `Updates each manifest's sha256 fields to the current content of the files they reference, the
way a lockfile is updated. Comments, key order and formatting are preserved; running it twice
changes nothing the second time. Nothing is written if any manifest has a problem.

Options:
  --check      write nothing; exit 1 when some digest is out of date
  --repo DIR   repository root (default: the git top level of the working directory)

Exit status: 0 done (or up to date), 1 out of date (--check), 2 invalid input.`,
    run: (ctx, values, positionals) => runLock(ctx, positionals, { check: values.check === true, ...values.repo ? { repo: values.repo } : {} })
  },
  diff: {
    summary: "diff candidate manifests against their parents and classify the change",
    usage: "kaizen-gate diff --base REF [--head REF] [--json] [manifest…]",
    options: { ...repoOption, base: { type: "string" }, head: { type: "string" }, json: { type: "boolean" } },
    help: `Compares each candidate package with its parent at --base: the same file there, or the manifest
whose package_id is the candidate's parent_package_id. Prints the artifact-level diff, the change
classes (prompt_patch, retrieval_refresh, tool_schema_repair, route_change, guardrail_update,
model_change, rollback, no_behaviour_change) and manifest failures such as a prompt edited without
updating its digest. Without manifest arguments, every manifest the change touches is compared
(the manifest itself changed, or a file it references changed).

Options:
  --base REF   the commit to compare against (required), e.g. origin/main
  --head REF   the candidate commit (default: the working tree)
  --json       print the diff as JSON (schema: manifests/schema/diff.schema.json)
  --repo DIR   repository root (default: the git top level of the working directory)

Exit status: 0 no manifest failure, 1 a manifest check failed, 2 invalid input or usage.`,
    run: (ctx, values, positionals) => runDiff(ctx, positionals, {
      json: values.json === true,
      ...values.base !== void 0 ? { base: values.base } : {},
      ...values.head !== void 0 ? { head: values.head } : {},
      ...values.repo !== void 0 ? { repo: values.repo } : {}
    })
  },
  check: {
    summary: "run the release gates on paired evidence and decide",
    usage: "kaizen-gate check --base REF [manifest…] --parent-evidence FILE… --candidate-evidence FILE… [options]",
    options: {
      ...repoOption,
      base: { type: "string" },
      head: { type: "string" },
      "parent-evidence": { type: "string", multiple: true },
      "candidate-evidence": { type: "string", multiple: true },
      evidence: { type: "string", multiple: true },
      "parent-side": { type: "string" },
      "candidate-side": { type: "string" },
      policy: { type: "string" },
      seed: { type: "string" },
      out: { type: "string" },
      format: { type: "string" },
      "allow-unpaired": { type: "boolean" },
      "evidence-format": { type: "string" },
      "signing-key": { type: "string" }
    },
    help: `Runs the quality, safety, cost, latency and manifest gates for each candidate package (default:
every manifest the change against --base touches) on paired per-case evidence of parent and
candidate, decides approve / reject / hold / needs_approval, and prints the report.

Options:
  --base REF                   commit holding the parent packages (required), e.g. origin/main
  --head REF                   candidate commit (default: the working tree)
  --parent-evidence FILE       parent evidence: JSON Lines records or promptfoo output (repeatable)
  --candidate-evidence FILE    candidate evidence (repeatable)
  --evidence FILE              one file holding both sides (repeatable): JSONL records of both
                               package ids, or a promptfoo eval with one column per side
  --parent-side SEL            promptfoo column of the parent: promptIdx=N, provider=ID or label=TEXT
                               (default promptIdx=0 for --evidence; also picks the column of a
                               --parent-evidence file that holds several)
  --candidate-side SEL         promptfoo column of the candidate (default promptIdx=1)
  --policy FILE                gate policy overriding gates/default.yaml
  --seed N                     bootstrap seed (default from the policy); same inputs and seed give a
                               byte-identical report
  --evidence-format FMT        auto (default: detect per file), jsonl or promptfoo
  --allow-unpaired             drop cases only one side has (counted in the report) instead of failing
  --out DIR                    write report.json and report.md there (atomically)
  --signing-key FILE           sign the report (Ed25519 or P-256 PEM): writes report.intoto.json,
                               a DSSE envelope over an in-toto Statement, into --out
  --format FORMAT              text (default), json or markdown on stdout
  --repo DIR                   repository root (default: the git top level of the working directory)

Exit status: 0 approve (or nothing to gate), 1 reject or hold, 2 invalid input or usage,
3 needs approval.`,
    run: (ctx, values, positionals) => runCheck(ctx, positionals, values, Boolean(process.stdout.isTTY) && !process.env.NO_COLOR)
  },
  ...AUDIT_COMMANDS
};
function mainHelp() {
  const width2 = Math.max(...Object.keys(COMMANDS).map((name) => name.length));
  const list = Object.entries(COMMANDS).map(([name, command]) => `  ${name.padEnd(width2)}  ${command.summary}`).join("\n");
  return `kaizen-gate ${VERSION}: release gate for LLM application packages

Usage: kaizen-gate <command> [options]

Commands:
${list}

Run \`kaizen-gate <command> --help\` for a command's options.
Exit status: 0 ok/approve, 1 a gate or check failed, 2 invalid input or usage, 3 needs approval.
`;
}
async function runCli(argv, ctx) {
  try {
    const [name, ...rest] = argv;
    if (name === void 0 || name === "--help" || name === "-h" || name === "help") {
      ctx.stdout(mainHelp());
      return name === void 0 ? EXIT.invalid : EXIT.ok;
    }
    if (name === "--version" || name === "-v") {
      ctx.stdout(`${VERSION}
`);
      return EXIT.ok;
    }
    const command = COMMANDS[name];
    if (!command) throw new UsageError(`unknown command "${name}"; commands: ${Object.keys(COMMANDS).join(", ")}`);
    if (rest.includes("--help") || rest.includes("-h")) {
      ctx.stdout(`Usage: ${command.usage}

${command.help}
`);
      return EXIT.ok;
    }
    let parsed;
    try {
      parsed = parseArgs({ args: [...rest], options: command.options, allowPositionals: true, strict: true });
    } catch (error) {
      throw new UsageError(error instanceof Error ? error.message.replace(/^TypeError \[[A-Z_]+\]: /, "") : String(error));
    }
    return await command.run(ctx, parsed.values, parsed.positionals);
  } catch (error) {
    return reportError(error, ctx);
  }
}
function reportError(error, ctx) {
  if (error instanceof InputError) {
    const lines = error.problems.map(formatProblem);
    const header = error.message && !lines.includes(error.message) && !error.message.includes("\n") ? `${error.message}
` : "";
    ctx.stderr(`${header}${lines.join("\n")}
`);
  } else if (error instanceof UsageError) {
    ctx.stderr(`kaizen-gate: ${error.message}
Run \`kaizen-gate --help\` for usage.
`);
  } else if (error instanceof GitError) {
    ctx.stderr(`kaizen-gate: ${error.message}
`);
  } else {
    const message = error instanceof Error ? error.message : String(error);
    ctx.stderr(`kaizen-gate: internal error: ${message}
Set KAIZEN_GATE_DEBUG=1 for a stack trace, and please report it.
`);
    if (process.env.KAIZEN_GATE_DEBUG && error instanceof Error) ctx.stderr(`${error.stack}
`);
  }
  return EXIT.invalid;
}
var isMain = import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith("/kaizen-gate") || process.argv[1]?.endsWith("/cli.js");
if (isMain) {
  const ctx = {
    cwd: process.cwd(),
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text)
  };
  process.exitCode = await runCli(process.argv.slice(2), ctx);
}
export {
  EXIT,
  runCli
};
