import type { homeActions } from '@core/home/actions';
import type { AreaUseCases } from '../context';
import { getHome } from './get-home';

/** The home area's use cases, one per action of its table (the type insists on every one). */
export const homeUseCases: AreaUseCases<typeof homeActions> = {
  'home.get': getHome,
};
