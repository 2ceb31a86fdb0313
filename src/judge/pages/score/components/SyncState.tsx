// The 评分 page's sync line is the shared one (also on 现场评分).
export { SyncState } from '../../../components/SyncState';
