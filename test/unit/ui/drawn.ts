/**
 * The first element matching `selector` under `root`, once drawn. The popup draws the at-risk list and a
 * metric's details after the glance's first paint (an animation frame, then a task), which a loaded
 * machine can delay well past any fixed wait.
 */
export async function drawn(root: ParentNode, selector: string): Promise<Element> {
  for (let i = 0; i < 300; i++) {
    const found = root.querySelector(selector);
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`${selector} was never drawn`);
}
