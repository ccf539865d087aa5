/**
 * The deck's one snippet sandbox, created on first use (the first slide never pays for
 * it). One sandbox serves every live block: a new run ends the one before it.
 */
import { t } from '../i18n/ui-text';

type SandboxHost = ReturnType<typeof import('../sandbox/host').createSandboxHost>;

let host: Promise<SandboxHost> | undefined;

/** The shared sandbox host (loads the sandbox code on first call). */
export function sandbox(): Promise<SandboxHost> {
  host ??= import('../sandbox/host').then(({ createSandboxHost }) => createSandboxHost({ title: () => t('sandboxTitle') }));
  return host;
}

/** Starts the sandbox ahead of the first Run (when a live slide is near). */
export function prewarmSandbox(): void {
  void sandbox().then((h) => h.prewarm());
}
