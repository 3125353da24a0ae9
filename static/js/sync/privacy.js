/* The privacy page: download what this device holds, import a data file. */
// @ts-check
import { byId } from '../lib/dom.js';
import { wireDeviceExport, wireImport } from './import-ui.js';

const input = /** @type {HTMLInputElement | null} */ (byId('import-file'));
if (input) wireImport(input, byId('device-data-status'));
const button = /** @type {HTMLButtonElement | null} */ (byId('device-export'));
if (button) wireDeviceExport(button);
