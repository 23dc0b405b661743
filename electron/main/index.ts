import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, session, webContents } from 'electron';
import { nodeFlags } from '../../bin/node-flags.mjs';
import { CoreHost } from './core-host.ts';
import { registerContract, trustedSender } from './ipc.ts';
import { installMenu } from './menu.ts';
import { hardenSession, lockDownContents } from './security.ts';

/**
 * The main process stays thin: the window, the menu, and the wiring between the renderer's contract
 * calls and the core, which runs in a utility process (core-process.ts).
 */
const rendererIndex = join(__dirname, '../renderer/index.html');
const devServerUrl = process.env.ELECTRON_RENDERER_URL;

function startCoreHost(): CoreHost {
  const appRoot = app.getAppPath();
  return new CoreHost({
    modulePath: join(__dirname, 'core-process.js'),
    env: {
      ...process.env,
      WORKBENCH_LIBRARY_DIR: join(appRoot, 'sql', 'queries'),
      WORKBENCH_MIGRATIONS_DIR: join(appRoot, 'migrations'),
      // Set by `npm start` after it built better-sqlite3 for Electron's ABI (scripts/start.mjs).
      ...(process.env.WORKBENCH_SQLITE_BINDING ? { WORKBENCH_SQLITE_BINDING: process.env.WORKBENCH_SQLITE_BINDING } : {}),
    },
    execArgv: nodeFlags,
    findContents: (id) => webContents.fromId(id),
    onProgress: (message) => console.log(`[core] ${message}`),
    onFatal: (message) => {
      dialog.showErrorBox('The workbench could not start its database', message);
      app.quit();
    },
  });
}

function createWindow(core: CoreHost): void {
  const window = new BrowserWindow({
    width: 1440,
    height: 900,
    show: false,
    title: 'Data Analytics Workbench',
    // Electron's security checklist, written out here where reviewers and electronegativity see it.
    webPreferences: {
      preload: join(__dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      // Middle-click (auxclick) could open links in new windows; turn the feature off entirely.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  const contentsId = window.webContents.id;
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => core.forgetSender(contentsId));
  if (devServerUrl) void window.loadURL(devServerUrl);
  else void window.loadFile(rendererIndex);
}

app.enableSandbox();
app.on('web-contents-created', (_event, contents) => lockDownContents(contents));

void app.whenReady().then(() => {
  hardenSession(session.defaultSession);
  installMenu(process.platform === 'darwin');
  const core = startCoreHost();
  registerContract(ipcMain, (method, args, sender) => core.call(method, args, sender), trustedSender(pathToFileURL(rendererIndex).href, devServerUrl));
  createWindow(core);
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow(core);
  });
  app.on('before-quit', () => core.shutdown());
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
