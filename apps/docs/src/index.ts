export {
  createDocsServer,
  DEFAULT_DOCS_PORT,
  DOCS_DIST_DIR,
  DOCS_HTML_PATH,
  DOCS_PORT_ENV,
  docsPort,
} from './server.js';
