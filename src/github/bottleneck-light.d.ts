// bottleneck ships types for its main entry only; the light build (what @octokit/plugin-throttling
// uses) has the same API minus clustering.
declare module 'bottleneck/light.js' {
  import Bottleneck from 'bottleneck';
  export default Bottleneck;
}
