/**
 * zod as every function loads it: `zod/mini`, the same validation as zod's classic API (the same core, issues and
 * JSON Schema) at a fraction of its cold-start cost. A classic schema carries some forty methods, built for each
 * instance; a mini schema is checked through functions, so the bundler keeps only the kinds a function uses.
 *
 * Import it as a namespace (`import * as z from './zod'`): esbuild drops what a namespace import never reads, but
 * keeps the whole of any namespace object that is exported as a value, which zod's own `z` export and mini's
 * `locales` are (together some 400 kB of every bundle, every language's messages included). Mini ships without
 * messages: the English ones are set here, once, imported by name (so no other language is kept), and bad input
 * still reads "Too big: expected string to have <=64 characters" wherever a schema is built.
 */
import { config } from 'zod/mini';
import { en } from 'zod/v4/locales';

config(en());

export * from 'zod/mini';
