// Starts the handshake and the first list page before anything else is evaluated (see start.ts).
import { connection, queryClient } from './app/start.ts'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/App.tsx'
import './styles/global.css'

const container = document.getElementById('root')
if (!container) throw new Error('index.html has no #root element')

createRoot(container).render(
  <StrictMode>
    <App queryClient={queryClient} connection={connection} />
  </StrictMode>,
)
