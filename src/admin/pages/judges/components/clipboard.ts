// The one clipboard helper (a refusal of the privacy agreement is said in a toast), under the name this page uses.
export { copyToClipboard as copy } from '../../../../services/picker-failure';
