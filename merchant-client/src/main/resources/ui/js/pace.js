// Drawing on a budget. Events from the desktop side come in bursts (a busy shop answers dozens of
// customers a second); each only marks what it made stale, and one drawing pass runs at most every
// INTERVAL_MS, inside an animation frame (so none while the window is minimised or covered).

/** The least time between two drawing passes: 5 a second keeps a list current for the eye. */
export const INTERVAL_MS = 200;

/**
 * Returns `request()`: asks for `draw` to run soon — in the next frame when the last pass is older
 * than `interval` ms, else in the first frame after that; requests meanwhile share the one pass.
 */
export function paced(draw, interval = INTERVAL_MS) {
  let last = -Infinity;
  let waiting = false;
  return function request() {
    if (waiting) return;
    waiting = true;
    setTimeout(() => requestAnimationFrame(() => {
      waiting = false;
      last = performance.now();
      draw();
    }), Math.max(0, last + interval - performance.now()));
  };
}
