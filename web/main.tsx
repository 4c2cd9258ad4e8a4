import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/App.tsx'
import { getLang } from './app/i18n.ts'
import './app/global.css'

document.documentElement.lang = getLang() === 'zh' ? 'zh-CN' : 'en'

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root')
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
