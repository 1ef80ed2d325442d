// What every build child (`*-child.ts`) does towards the build that started it (children.ts).

/** Ends this process when the build that started it is gone (killed outright): its work is of no use. */
export function exitWithParent(): void {
  process.on('disconnect', () => process.exit(1));
}

/** Sends the build a report, resolving once it has been handed over. */
export function report<T extends object>(message: T): Promise<void> {
  return new Promise<void>((resolve) => (process.send ? process.send(message, () => resolve()) : resolve()));
}
