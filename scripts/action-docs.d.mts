export function renderActionDocs(actionYml: string): { inputs: string; outputs: string }
export function replaceSection(readme: string, name: string, content: string): string
export const DECLARED_INPUTS_PATH: string
export function renderDeclaredInputs(actionYml: string): string
