export {
  type Auth,
  type AuthSettings,
  actorFromHeaders,
  CLIENT_IP_HEADER,
  createAuth,
} from "./auth.ts";
export { type Actor, type Context, type Logger, silentLogger } from "./context.ts";
export { changes } from "./events.ts";
export { hashPassword, passwordProblem, verifyPassword } from "./passwords.ts";
export { listProcedures, type ProcedureInfo } from "./procedures.ts";
export { type AppRouter, appRouter } from "./routers/index.ts";
export { warmFigures } from "./services/health/dashboards.ts";
export { purgeTrash } from "./services/trash.ts";
export { createCallerFactory, type Meta } from "./trpc.ts";
