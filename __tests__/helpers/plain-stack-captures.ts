/*
 * Loaded by Jest after its environment (jest.config.js, setupFilesAfterEnv), in every test file.
 *
 * cdktf records a full stack trace, onto a plain object, for every token it creates (hundreds per
 * synth), and reads it back only to word a resolution error. Under Jest each of those traces went
 * through Jest's source-map support, which decodes the inline source maps of cdktf, the provider and
 * our transpiled files to map every frame: about 40% of a synth's time in a test, and work the app
 * never does (`node dist/main.js` runs without source maps). Here such a capture gets V8's own
 * unmapped format, as in the app; an Error, whose stack a failing test prints, is still mapped.
 * Nothing a test asserts changes: the synthesized output does not hold these traces.
 */
const mappedStackTrace = Error.prepareStackTrace;

if (mappedStackTrace) {
  Error.prepareStackTrace = function prepareStackTrace(target: unknown, frames: NodeJS.CallSite[]) {
    const prototype = typeof target === "object" && target !== null ? Object.getPrototypeOf(target) : undefined;
    if (prototype !== Object.prototype && prototype !== null) return mappedStackTrace(target as Error, frames);
    // The header source-map-support would write (cdktf drops it), then the frames as V8 prints them.
    const { name, message } = target as { name?: string; message?: string };
    return `${name || "Error"}: ${message || ""}${frames.map((frame) => `\n    at ${frame}`).join("")}`;
  };
}

export {};
