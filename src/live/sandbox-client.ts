/**
 * The deck's one snippet sandbox, created on first use (the first slide never pays for
 * it). One sandbox serves every live block: a new run ends the one before it.
 */
import { t } from '../i18n/ui-text';

type SandboxHost = ReturnType<typeof import('../sandbox/host').createSandboxHost>;

/** A sandbox that loads on the first call to `sandbox()`; one per live-code instance. */
export function createSandboxClient() {
  let host: Promise<SandboxHost> | undefined;
  const sandbox = (): Promise<SandboxHost> => {
    host ??= import('../sandbox/host').then(({ createSandboxHost }) => createSandboxHost({ title: () => t('sandboxTitle') }));
    return host;
  };
  return {
    /** The sandbox host (loads the sandbox code on the first call). */
    sandbox,
    /**
     * Starts the sandbox ahead of the first Run (when a live slide is near). A sandbox that does
     * not start is reported by the run that needs it, not here.
     */
    prewarm: (): void =>
      void sandbox()
        .then((h) => h.prewarm())
        .catch(() => {}),
    /** Removes the sandbox (a running snippet ends as killed). */
    dispose: (): void => void host?.then((h) => h.dispose()),
  };
}

/** The sandbox client type, derived from its factory. */
export type SandboxClient = ReturnType<typeof createSandboxClient>;
