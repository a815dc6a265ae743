import { render, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { Button } from './Button.tsx'
import { EmptyState } from './EmptyState.tsx'

describe('EmptyState', () => {
  it('is a region named by its heading, with text and an action', () => {
    render(
      <EmptyState
        icon="search"
        title="No chat matches"
        role="status"
        action={<Button>Clear</Button>}
      >
        <p>Try another word.</p>
      </EmptyState>,
    )
    const region = screen.getByRole('region', { name: 'No chat matches' })
    expect(region).toContainElement(
      screen.getByRole('heading', { level: 2, name: 'No chat matches' }),
    )
    expect(screen.getByRole('status')).toHaveTextContent('No chat matchesTry another word.')
    expect(screen.getByRole('button', { name: 'Clear' })).toBeInTheDocument()
  })

  it('renders untrusted text as text', () => {
    render(
      <EmptyState icon="alert" title={'<img src=x onerror="window.__pwned=1">'} tone="error" />,
    )
    expect(screen.getByRole('heading')).toHaveTextContent('<img src=x onerror="window.__pwned=1">')
    expect(document.querySelector('img')).toBeNull()
  })
})
