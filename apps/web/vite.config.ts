import react from "@vitejs/plugin-react";
import { defineConfig, type ProxyOptions } from "vite";

// In development the API runs separately (apps/server, default :8080). The browser talks only
// to Vite; the proxy presents requests as coming from the server's own origin so better-auth's
// Origin check passes. The production build is served by the server itself (one origin).
const api = "http://127.0.0.1:8080";

const toApi: ProxyOptions = {
  target: api,
  changeOrigin: true,
  configure(proxy) {
    proxy.on("proxyReq", (request) => {
      if (request.getHeader("origin")) request.setHeader("origin", api);
    });
  },
};

export default defineConfig({
  plugins: [react()],
  server: { port: 5173, proxy: { "/trpc": toApi, "/api": toApi } },
  build: { target: "es2022" },
});
