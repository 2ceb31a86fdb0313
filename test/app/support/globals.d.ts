// src files lean on the build's globals (APP_VERSION, defineAppConfig…), declared for the app program in
// types/global.d.ts, which tsconfig.node.json (the program these tests are checked in) does not include.
import '../../../types/global';
