import { Component, type ReactNode } from 'react'

interface Props {
  fallback: (error: unknown, reset: () => void) => ReactNode
  onReset: () => void
  children: ReactNode
}

/** Catches a failed boot (rejected connection, a render crash) and shows a screen instead of nothing. */
export class BootErrorBoundary extends Component<Props, { error: unknown }> {
  override state: { error: unknown } = { error: null }

  static getDerivedStateFromError(error: unknown) {
    return { error }
  }

  reset = () => {
    this.props.onReset()
    this.setState({ error: null })
  }

  override render() {
    return this.state.error !== null
      ? this.props.fallback(this.state.error, this.reset)
      : this.props.children
  }
}
