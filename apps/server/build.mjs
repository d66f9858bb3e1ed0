// The production server as one file: apps/server/dist/server.mjs, our TypeScript (this app and
// the workspace packages) compiled and bundled by esbuild, so the server runs on plain Node
// without compiling TypeScript at run time (no tsx loader thread: about 75 MB less memory, and a
// faster start). Third-party packages stay outside the bundle, imported from node_modules by
// absolute path: the file is built on the machine that runs it (`pnpm start` builds first).
// Source maps are written beside it for `node --enable-source-maps` when debugging; they are
// not on by default, as they cost about 20 MB of memory.
//
// dist/ sits three levels below the repository root, as src/ does, so paths the code resolves
// from its own folder (the migrations, the web build) still point at the same places.
import { build } from "esbuild";

// `node build.mjs [folder]`: another folder of apps/server (the end-to-end tests build their own,
// so parallel runs never share a file).
const folder = process.argv[2] ?? "dist";
if (!/^dist[\w-]*$/.test(folder)) {
  console.error("the folder is dist or dist-something, inside apps/server");
  process.exit(2);
}

const started = performance.now();
await build({
  entryPoints: ["src/main.ts"],
  outfile: `${folder}/server.mjs`,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20.19",
  sourcemap: true,
  legalComments: "none",
  logLevel: "warning",
  plugins: [
    {
      name: "node-modules-outside",
      setup(b) {
        b.onResolve({ filter: /^[^./]/ }, async (args) => {
          if (args.path.startsWith("@rollout/") || args.pluginData === "resolving")
            return undefined;
          if (args.path.startsWith("node:")) return { path: args.path, external: true };
          const found = await b.resolve(args.path, {
            resolveDir: args.resolveDir,
            kind: args.kind,
            pluginData: "resolving",
          });
          if (found.errors.length > 0) return { errors: found.errors };
          return { path: found.path, external: true };
        });
      },
    },
  ],
});
console.log(`built ${folder}/server.mjs in ${Math.round(performance.now() - started)} ms`);
