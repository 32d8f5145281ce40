import { setFlagsFromString } from "node:v8";

/*
 * Loaded by Jest before every test file (jest.config.js, setupFiles); the flag holds for the worker
 * process from then on.
 *
 * The synth judges `synth --hcl` output by parsing it with @cdktf/hcl2json, a WebAssembly build of
 * HashiCorp's HCL parser (modules/synthesis/written-stacks.ts). V8 compiles that module with its
 * optimizing tier in the background, about 1.3 s of CPU in each test file that synthesizes HCL, more
 * than the few parses a test file makes ever win back. Here V8 keeps to its baseline compiler
 * (Liftoff), which every WebAssembly function starts on anyway: the same module, the same parses and
 * results, compiled more cheaply. The app itself is not affected.
 */
setFlagsFromString("--liftoff-only");
