/**
 * The flags the operator gave Node: the command line's and NODE_OPTIONS' (which process.execArgv
 * leaves out). A V8 flag the bot would set at run time is left alone when the operator gave it.
 */
export function operatorFlags(execArgv: readonly string[] = process.execArgv, nodeOptions = process.env.NODE_OPTIONS ?? ''): string[] {
  return [...execArgv, ...nodeOptions.split(/\s+/).filter(Boolean)];
}
