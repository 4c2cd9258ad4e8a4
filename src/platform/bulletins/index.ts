export {
  acknowledgeBulletin,
  BulletinIssuedSchema,
  bulletinIssuedHandler,
  listReceivedBulletins,
  type ReceivedBulletinView,
} from './bulletins.ts'
