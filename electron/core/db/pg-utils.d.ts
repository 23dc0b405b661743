// pg's value serializer, which `client.query` applies to every parameter; server-read.ts binds with it.
declare module 'pg/lib/utils.js' {
  const utils: { prepareValue(value: unknown): unknown };
  export default utils;
}
