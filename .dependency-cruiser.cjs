// The import graph of app/ and server/, checked by dependency-cruiser in `npm run lint`: no cycles, and the
// layers of STYLE.md ("Our layout"). ESLint's no-restricted-imports says the same per file, where an editor shows
// it; this sees the whole graph, so a cycle through several files or an alias the ESLint patterns miss still fails.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-circular",
      severity: "error",
      comment: "A cycle means two modules cannot be understood or tested apart: move the shared part down a layer.",
      from: { path: "^(app|server)/" },
      to: { circular: true },
    },
    {
      name: "lower-layers-not-into-models-or-routes",
      severity: "error",
      comment: "components, lib, policies and the browser editor sit below models and routes.",
      from: { path: "^app/(components|lib|policies|editor)/" },
      to: { path: "^app/(models|routes)/" },
    },
    {
      name: "server-not-into-browser-editor",
      severity: "error",
      comment: "The Node process shares document code with the browser through app/lib/document-schema.",
      from: { path: "^server/" },
      to: { path: "^app/editor/" },
    },
    {
      name: "prisma-only-in-models",
      severity: "error",
      comment: "Only app/models talks to Prisma.",
      from: { path: "^(app|server)/", pathNot: "^app/(models|generated)/" },
      to: { path: "(^app/generated/|node_modules/@prisma/client|node_modules/\\.prisma/)" },
    },
    {
      name: "routes-not-into-routes",
      severity: "error",
      comment: "A route module is an entry point; what two routes share lives in models, components or lib.",
      from: { path: "^app/routes/[^/]+$" },
      to: { path: "^app/routes/" },
    },
    {
      name: "folder-route-keeps-to-itself",
      severity: "error",
      comment: "A folder route's files (its server module, its sections) are its own: nothing outside it imports them.",
      // Route folder names hold `$` (a URL parameter), which the rule's back-reference would read as an anchor:
      // the name is matched in the pieces between its `$` signs (up to two parameters).
      from: { path: "^app/routes/([^/$]*)[$]?([^/$]*)[$]?([^/$]*)/" },
      to: { path: "^app/routes/", pathNot: "^app/routes/$1[$]?$2[$]?$3/" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "(^app/generated/|\\.test\\.ts$)" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      extensions: [".ts", ".tsx", ".js", ".mjs", ".cjs", ".json"],
    },
  },
};
