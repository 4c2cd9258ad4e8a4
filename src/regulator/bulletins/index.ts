export {
  type BulletinView,
  bulletinAcknowledgedHandler,
  getBulletin,
  type IssueBulletinInput,
  issueBulletin,
  listBulletins,
  markBulletinRead,
} from './bulletins.ts'
