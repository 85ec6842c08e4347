/**
 * Runs `callback` once the next frame has been drawn: a requestAnimationFrame callback runs
 * before that frame's paint, and a message posted from it is delivered after. The performance
 * marks that tests and `npm run bench` wait for are set this way.
 */
export function afterNextPaint(callback: () => void): void {
  requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      callback();
    };
    channel.port2.postMessage(null);
  });
}

/**
 * Resolves once the next frame has been drawn (see afterNextPaint), or at once while the page is
 * hidden: no frame is drawn then, and what waits for one must not wait until the tab is shown.
 */
export function nextPaint(): Promise<void> {
  if (document.visibilityState === 'hidden') return Promise.resolve();
  return new Promise((resolve) => afterNextPaint(resolve));
}
