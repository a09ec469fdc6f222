// `express4` is an npm alias of express@4 (for testing the router on both majors); its API
// for what these tests use is the same as express 5's, so the express types serve.
declare module 'express4' {
  import express from 'express';
  export default express;
}
