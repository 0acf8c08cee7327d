/** Every route the API registers, read from the Express routers themselves, so new routes are covered automatically. */
import type { Router } from 'express';
import { apiRoutes } from '../../server/src/app';
import type { Config } from '../../server/src/config';

export interface ApiRoute {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
}

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
}

function collect(stack: Layer[], prefix: string, into: ApiRoute[]) {
  for (const layer of stack) {
    if (layer.route) {
      for (const [method, enabled] of Object.entries(layer.route.methods)) {
        if (enabled && method !== '_all') into.push({ method: method as ApiRoute['method'], path: prefix + layer.route.path });
      }
    } else if (layer.handle?.stack) {
      collect(layer.handle.stack, prefix, into);
    }
  }
}

export function listApiRoutes(config: Config): ApiRoute[] {
  const routes: ApiRoute[] = [];
  collect((apiRoutes(config) as Router & { stack: Layer[] }).stack, '/api/v1', routes);
  return routes;
}

/** The route's path with every parameter filled in. */
export function concretePath(path: string, values: Record<string, string> = {}): string {
  return path.replace(/:(\w+)/g, (_, name: string) => values[name] ?? '65a0000000000000000000ff');
}

export const isStateChanging = (route: ApiRoute) => route.method !== 'get';
