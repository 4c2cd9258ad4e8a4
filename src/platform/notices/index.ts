export { listNotices, markNoticesRead, type NoticeInput, type NoticeView, notifyUser } from './notices.ts'
