import axe from 'axe-core';

/**
 * Accessibility violations in a rendered component (happy-dom has no layout, so colour contrast
 * is left to the e2e checks in real browsers).
 */
export async function axeViolations(root: Element): Promise<string[]> {
  const result = await axe.run(root, {
    rules: { 'color-contrast': { enabled: false }, region: { enabled: false } },
  });
  return result.violations.map((violation) => `${violation.id}: ${violation.help}`);
}
