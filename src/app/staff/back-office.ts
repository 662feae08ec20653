/** The back office's use cases together, as the web layer receives them. */
import type { NoticeUseCases } from '../notices/notices.js';
import type { StaffUseCases } from './staff.js';
import type { DashboardUseCases } from './dashboard.js';
import type { StaffUserUseCases } from './users.js';

export type BackOffice = {
  staff: StaffUseCases;
  notices: NoticeUseCases;
  users: StaffUserUseCases;
  dashboard: DashboardUseCases;
};
