import { useState } from 'react'
import { usePortal } from '../../bitrix24/portal-context.tsx'
import { RestError } from '../../bitrix24/rest.ts'
import type { TextKey } from '../../i18n/catalog.ts'
import { useI18n } from '../../i18n/i18n-context.tsx'
import { Button } from '../../ui/Button.tsx'
import { Icon } from '../../ui/Icon.tsx'
import { INSTALL_STEPS, installApp, type InstallStep } from './install-app.ts'
import './install.css'

const STEP_LABEL: Record<InstallStep, TextKey> = {
  check: 'installStepCheck',
  unbind: 'installStepUnbind',
  bind: 'installStepBind',
  bindMenu: 'installStepBindMenu',
  finish: 'installStepFinish',
}

type Progress =
  | { status: 'idle' }
  | { status: 'running'; step: InstallStep }
  | { status: 'failed'; step: InstallStep; error: unknown }
  | { status: 'done' }

type StepState = 'waiting' | 'active' | 'done' | 'failed'

function stepState(progress: Progress, step: InstallStep): StepState {
  if (progress.status === 'done') return 'done'
  if (progress.status === 'idle') return 'waiting'
  const at = INSTALL_STEPS.indexOf(progress.step)
  const index = INSTALL_STEPS.indexOf(step)
  if (index < at) return 'done'
  if (index > at) return 'waiting'
  return progress.status === 'failed' ? 'failed' : 'active'
}

const STATE_LABEL: Record<StepState, TextKey> = {
  waiting: 'installStepWaiting',
  active: 'installStepActive',
  done: 'installStepDone',
  failed: 'installStepFailed',
}

function StepMark({ state }: { state: StepState }) {
  if (state === 'active') return <span className="spinner" aria-hidden="true" />
  if (state === 'done') return <Icon name="done" size={18} />
  if (state === 'failed') return <Icon name="alert" size={18} />
  return <span className="install__dot" aria-hidden="true" />
}

/**
 * The portal's install page: says what the app will do, then binds it to the messenger's
 * navigation (IM_NAVIGATION) and to the message menu (IM_CONTEXT_MENU) step by step and calls
 * installFinish(); the portal then reopens it. Binding needs an administrator
 * (b24restdocs placement.bind: "Who can execute the method: administrator"), so anyone else is
 * told so before being offered a button that can only fail.
 */
export function InstallScreen() {
  const { t } = useI18n()
  const portal = usePortal()
  const [progress, setProgress] = useState<Progress>({ status: 'idle' })
  const running = progress.status === 'running'
  const isAdmin = portal.auth.isAdmin

  const start = () => {
    if (running) return
    let step: InstallStep = 'check'
    setProgress({ status: 'running', step })
    installApp(portal, {
      onStep: (next) => {
        step = next
        setProgress({ status: 'running', step })
      },
    }).then(
      () => setProgress({ status: 'done' }),
      (error: unknown) => setProgress({ status: 'failed', step, error }),
    )
  }

  const failure =
    progress.status === 'failed'
      ? progress.error instanceof RestError && progress.error.code === 'ACCESS_DENIED'
        ? t('installNeedsAdmin')
        : t('installFailed', {
            reason:
              progress.error instanceof Error ? progress.error.message : String(progress.error),
          })
      : null

  return (
    <main className="install">
      <div className="install__card">
        <span className="install__badge">
          <Icon name="install" size={32} />
        </span>
        <h1 className="install__title">{t('installTitle')}</h1>
        <p className="install__intro">{t('installBody')}</p>

        <h2 className="install__subtitle">{t('installWhatTitle')}</h2>
        <ul className="install__what">
          <li>
            <Icon name="chats" size={20} />
            <span>{t('installWhatNav')}</span>
          </li>
          <li>
            <Icon name="check" size={20} />
            <span>{t('installWhatMenu')}</span>
          </li>
          <li>
            <Icon name="check" size={20} />
            <span>{t('installWhatReplace')}</span>
          </li>
          <li>
            <Icon name="frame" size={20} />
            <span>{t('installWhatScopes')}</span>
          </li>
        </ul>

        {progress.status !== 'idle' && (
          <ol className="install__steps" aria-label={t('installProgress')}>
            {INSTALL_STEPS.map((step) => {
              const state = stepState(progress, step)
              return (
                <li key={step} className={`install__step install__step--${state}`}>
                  <StepMark state={state} />
                  <span>
                    {t(STEP_LABEL[step])}
                    <span className="visually-hidden">: {t(STATE_LABEL[state])}</span>
                  </span>
                </li>
              )
            })}
          </ol>
        )}

        <p className="install__live" role="status">
          {progress.status === 'running'
            ? `${t(STEP_LABEL[progress.step])}…`
            : progress.status === 'done'
              ? t('installDone')
              : ''}
        </p>
        {failure && (
          <p className="install__error" role="alert">
            <Icon name="alert" size={20} />
            <span>{failure}</span>
          </p>
        )}

        {!isAdmin && (
          <p className="install__error" role="note">
            <Icon name="alert" size={20} />
            <span>{t('installNeedsAdmin')}</span>
          </p>
        )}

        {isAdmin && progress.status !== 'done' && (
          <div className="install__actions">
            <Button variant="primary" busy={running} aria-disabled={running} onClick={start}>
              {running
                ? t('installWorking')
                : progress.status === 'failed'
                  ? t('tryAgain')
                  : t('installStart')}
            </Button>
          </div>
        )}
      </div>
    </main>
  )
}
