// Placeholder entry; the CLI lands with the manifest commands.
console.log('kaizen-gate');
