// Replaces chalk's colour detection in the bundles (scripts/build.mjs):
// notes always tells chalk the level itself (src/cli/style.ts: NO_COLOR,
// FORCE_COLOR, whether the stream is a terminal), and chalk's own detection
// loads node:tty and node:os at start-up (~2 ms) to compute a level nobody
// reads.
export default { stdout: false, stderr: false };
