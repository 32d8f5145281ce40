// `npm test`: package.json's `typecheck` and `lint` scripts side by side (each is single-threaded,
// and the machine has more than one core), then Jest with any arguments given. Output shows as it
// comes; a failed check stops the run before Jest, with its exit code.
const { spawn } = require("node:child_process");
const { delimiter, join } = require("node:path");

const root = join(__dirname, "..");
const { scripts } = require(join(root, "package.json"));
// What npm run would put first on PATH, without npm's own start-up for each script.
const env = { ...process.env, PATH: `${join(root, "node_modules", ".bin")}${delimiter}${process.env.PATH}` };
const run = (command, args = []) =>
  new Promise((resolve) =>
    spawn("sh", ["-c", `${command} "$@"`, "sh", ...args], { cwd: root, env, stdio: "inherit" }).on("close", (code, signal) => resolve(code ?? (signal ? 1 : 0))),
  );

(async () => {
  const checks = await Promise.all([run(scripts.typecheck), run(scripts.lint)]);
  const failed = checks.find((code) => code !== 0);
  if (failed !== undefined) process.exit(failed);
  process.exit(await run("jest", process.argv.slice(2)));
})();
