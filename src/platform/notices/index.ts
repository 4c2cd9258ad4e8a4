export {
  listNotices,
  markNoticesRead,
  type NoticeInput,
  type NoticeView,
  notifyUser,
  notifyUsers,
} from './notices.ts'
