import type { filesActions } from '@core/files/actions';
import type { AreaUseCases } from '../context';
import { getFileLink } from './get-file-link';
import { prepareUpload } from './prepare-upload';

/** The files area's use cases, one per action of its table (the type insists on every one). */
export const filesUseCases: AreaUseCases<typeof filesActions> = {
  'files.upload.prepare': prepareUpload,
  'files.link.get': getFileLink,
};
