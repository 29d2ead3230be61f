export const id=85;export const ids=[85];export const modules={4085:(e,t,n)=>{n.d(t,{VJ:()=>m,e$:()=>d,vj:()=>p});var r=n(3024),o=n(6760),i=n(3916),a=n(7367),s=n(502),c=n(5861),l=n(4210);function p(e){const t=e.config.codegen?.targets??[];if(0===t.length)throw new i.ShipkitError("no codegen targets configured",{hint:"List them under `codegen: targets:` in .github/shipkit.yml (spec, out).",location:e.file?{file:e.file}:void 0});return t}function u(e,t){return(0,a.TP)(e,{kind:"source",what:"the generated file",file:t})}async function d(e,t){const n=await(0,s.Y)(e.spec,e,t),r=(0,o.resolve)(t,e.out),i=[];for(const[t,a]of n.files){u((0,o.join)(r,t),`${e.out}/${t}`)!==a&&i.push(t)}let a={operations:{},schemas:{}};const l=u((0,o.join)(r,"api-summary.json"),`${e.out}/api-summary.json`);if(l){const e=c.Ak.safeParse(function(e){try{return JSON.parse(e)}catch{return}}(l));e.success&&(a=e.data)}const p=0===i.length?[]:(0,c.KH)(a,n.summary),d=`${e.spec} → ${e.out}`,m=0===i.length?`**${d}**: up to date.\n`:`${(0,c.O1)(d,p)}\nFiles to regenerate: ${i.map(e=>`\`${e}\``).join(", ")}.\n`;return{target:e,generated:n,upToDate:0===i.length,stale:i,changes:p,markdown:m}}async function m(e,t){const n=[],i=new Map,a=[];for(const s of e){const e=await d(s,t);if(n.push(e),e.upToDate)continue;const c=s.out.replace(/\\/g,"/").replace(/\/+$/,"").replace(/^\.\//,"");for(const[t,n]of e.generated.files)i.set(`${c}/${t}`,n);for(const n of l.fx)e.generated.files.has(n)||(0,r.existsSync)((0,o.join)((0,o.resolve)(t,s.out),n))&&a.push(`${c}/${n}`)}const s=n.some(e=>!e.upToDate),c=["## shipkit codegen","",s?"The generated clients are out of date with their specs.":"Every generated client matches its spec.","",...n.map(e=>e.markdown)].join("\n");return{checks:n,stale:s,files:i,deletes:a,markdown:c}}},502:(e,t,n)=>{n.d(t,{Y:()=>Se});var r=n(7598),o=n(6760),i=n(3916),a=n(7057),s=n(1455),c=n(8815),l=n(9211),p=n(7367);function u(e,t){for(;t<e.length&&" \t\r\n".includes(e[t]);)t++;return t}function d(e,t){let n=t+1;for(;n<e.length;){const t=e[n];if("\\"===t)n+=2;else{if('"'===t)return n+1;n++}}return n}function m(e,t){const n=e[t];if('"'===n)return d(e,t);if("{"===n||"["===n){let n=0,r=t;for(;r<e.length;){const t=e[r];if('"'!==t){if("{"===t||"["===t)n++;else if(("}"===t||"]"===t)&&(n--,0===n))return r+1;r++}else r=d(e,r)}return r}let r=t;for(;r<e.length&&!",}] \t\r\n".includes(e[r]);)r++;return r}function f(e,t,n){const r=e[t];if("{"===r){let r=u(e,t+1);for(;r<e.length&&'"'===e[r];){const t=d(e,r),o=JSON.parse(e.slice(r,t));if(r=u(e,t),r=u(e,r+1),o===n)return r;r=u(e,m(e,r)),","===e[r]&&(r=u(e,r+1))}return}if("["===r){const r=Number(n);let o=u(e,t+1);for(let t=0;o<e.length&&"]"!==e[o];t++){if(t===r)return o;o=u(e,m(e,o)),","===e[o]&&(o=u(e,o+1))}}}const y=["get","put","post","delete","options","head","patch"];function h(e,t){const n=g(e,t);return"body"===n.in||"formData"===n.in}function g(e,t){const n=e.$ref;if("string"==typeof n&&n.startsWith("#/components/parameters/")){const e=t[n.slice(24)];if(e&&("body"===e.in||"formData"===e.in))return e}return e}function S(e){if(null===e||"object"!=typeof e)return e;if(Array.isArray(e))return e.map(S);const t={};for(const[n,r]of Object.entries(e))t[n]="$ref"===n&&"string"==typeof r?r.replace("#/definitions/","#/components/schemas/").replace("#/parameters/","#/components/parameters/").replace("#/responses/","#/components/responses/"):S(r);return t}function v(e,t){const n={};for(const[r,o]of Object.entries(e))n[r]=t(o);return n}function b(e){if(null===e||"object"!=typeof e||Array.isArray(e))return e;const t=e,n={};for(const[e,r]of Object.entries(t))"x-nullable"===e?n.nullable=r:"type"===e&&"file"===r?(n.type="string",n.format="binary"):n[e]="properties"===e||"definitions"===e?v(r,b):"items"===e||"additionalProperties"===e?b(r):"allOf"===e||"anyOf"===e||"oneOf"===e?r.map(b):"discriminator"===e&&"string"==typeof r?{propertyName:r}:r;return n}const E=["type","format","items","enum","default","minimum","maximum","exclusiveMinimum","exclusiveMaximum","minLength","maxLength","pattern","minItems","maxItems","uniqueItems","multipleOf"];function C(e){const t={};for(const n of E)void 0!==e[n]&&(t[n]=e[n]);return e["x-nullable"]&&(t.nullable=!0),b(t)}function T(e){if("string"==typeof e.$ref)return e;const t={name:e.name,in:e.in};e.required&&(t.required=!0),e.description&&(t.description=e.description),t.schema=C(e);const n=e.collectionFormat;return"array"===e.type&&("multi"===n?(t.style="form",t.explode=!0):"ssv"===n?t.style="spaceDelimited":"pipes"===n?t.style="pipeDelimited":(t.style="query"===e.in||"cookie"===e.in?"form":"simple",t.explode=!1)),t}function k(e,t){if("string"==typeof e.$ref)return e;const n={description:e.description??""};if(e.schema){const r={};for(const n of t)r[n]={schema:b(e.schema)};n.content=r}if(e.examples){const t=n.content??{};for(const[n,r]of Object.entries(e.examples)){const e=t[n];e&&(e.example=r)}}return e.headers&&(n.headers=v(e.headers,e=>({schema:C(e)}))),n}const O=1e4;async function M(e,t=process.cwd(),n="repository"){const r=(0,o.resolve)(t,e),a=e=>(0,o.relative)(t,e)||e,c=new Map,l=await A(r,a),p=await async function(e,t){const n=await(0,s.realpath)((0,o.dirname)(e));if("spec-directory"===t)return n;for(let e=n;;e=(0,o.dirname)(e)){if(await(0,s.stat)((0,o.join)(e,".git")).catch(()=>{}))return e;if((0,o.dirname)(e)===e)return n}}(r,n);let u=!1;"2.0"===function(e,t){const n=e.data;if(n&&"object"==typeof n&&!Array.isArray(n)){if("2.0"===n.swagger)return"2.0";if("string"==typeof n.openapi&&/^3\.[01]\./.test(`${n.openapi}.`)){if("object"!=typeof n.paths&&"object"!=typeof n.webhooks&&"object"!=typeof n.components)throw new i.ShipkitError("OpenAPI document has no `paths`",{hint:"Add a `paths:` map (it may be empty).",location:{file:t,line:1}});return"3"}if("string"==typeof n.openapi||"string"==typeof n.swagger){const r=String(n.openapi??n.swagger);throw new i.ShipkitError(`unsupported OpenAPI version ${JSON.stringify(r)}`,{hint:"shipkit reads OpenAPI 3.0, 3.1 and Swagger 2.0.",location:{file:t,line:e.lineOf(n.openapi?"/openapi":"/swagger")}})}}throw new i.ShipkitError('not an OpenAPI document: no `openapi: 3.x` or `swagger: "2.0"` at the top level',{hint:"Point `spec` at an OpenAPI 3.0/3.1 or Swagger 2.0 description (JSON or YAML).",location:{file:t,line:1}})}(l,a(r))&&(u=!0,l.data=R(l,!0,a)),c.set(r,l);const d=[r];for(;d.length>0;){const e=d.shift(),t=c.get(e);for(const n of $(t.data)){const r={file:a(e),line:t.lineOf(n.pointer)},o=await x(n,e,p,r);if(c.has(o))continue;let s;try{s=await A(o,a)}catch(r){if(r instanceof i.ShipkitError&&/^cannot read .*: no such file$/.test(r.message))throw new i.ShipkitError(`$ref "${n.ref}" points at a file that does not exist`,{hint:`Fix the reference at ${n.pointer}, or add ${a(o)}.`,location:{file:a(e),line:t.lineOf(n.pointer)}});throw r}u&&(s.data=R(s,!1,a)),c.set(o,s),d.push(o)}}const m=l.data.openapi;return{root:l,files:c,display:a,version:"string"==typeof m&&m.startsWith("3.1")?"3.1":"3.0",swagger2:u}}function R(e,t,n){try{return function(e,t){const n=S(e),r={},o=n.definitions;o&&(r.schemas=v(o,b));const i=n.parameters??{},a={};for(const[e,t]of Object.entries(i)){const n=t;"body"!==n.in&&"formData"!==n.in&&(a[e]=T(n))}Object.keys(a).length>0&&(r.parameters=a);const s=n.consumes??["application/json"],c=n.produces??["application/json"];if(n.responses&&(r.responses=v(n.responses,e=>k(e,c))),n.securityDefinitions&&(r.securitySchemes=v(n.securityDefinitions,e=>function(e){return"basic"===e.type?{type:"http",scheme:"basic"}:"apiKey"===e.type?{type:"apiKey",name:e.name,in:e.in}:"oauth2"===e.type?{type:"oauth2",flows:{}}:e}(e))),!t&&!n.swagger){const e={...n};return delete e.definitions,delete e.parameters,delete e.responses,Object.keys(r).length>0?{...e,components:r}:e}const l={};for(const[e,t]of Object.entries(n.paths??{})){const n=t,r={},o=n.parameters??[];n.$ref&&(r.$ref=n.$ref);const a=o.filter(e=>!h(e,i));a.length>0&&(r.parameters=a.map(T));for(const e of y){const t=n[e];if(!t)continue;const a=t.consumes??s,l=t.produces??c,p=[...o.filter(e=>h(e,i)),...t.parameters??[]],u=[];let d;const m=[];for(const e of p){const t=g(e,i);if("body"===t.in){const e={};for(const n of a)e[n]={schema:b(t.schema??{})};d={content:e,...t.required?{required:!0}:{}}}else"formData"===t.in?m.push(t):u.push(e===t?T(t):e)}if(m.length>0){const e={},t=[];for(const n of m)e[n.name]=C(n),n.required&&t.push(n.name);const n=m.some(e=>"file"===e.type)||a.includes("multipart/form-data")?"multipart/form-data":"application/x-www-form-urlencoded";d={content:{[n]:{schema:{type:"object",properties:e,...t.length?{required:t}:{}}}},...t.length?{required:!0}:{}}}const f={...t};delete f.consumes,delete f.produces,delete f.schemes,delete f.parameters,u.length>0&&(f.parameters=u),d&&(f.requestBody=d),f.responses=v(t.responses??{},e=>k(e,l)),r[e]=f}l[e]=r}const p={openapi:"3.0.3",info:n.info??{title:"API",version:"0"},paths:l,components:r};if(n.host||n.basePath){const e=(n.schemes??["https"])[0];p.servers=[{url:`${e}://${n.host??"localhost"}${n.basePath??""}`}]}return n.security&&(p.security=n.security),n.tags&&(p.tags=n.tags),p}(e.data,t)}catch(t){if(!(t instanceof TypeError))throw t;throw new i.ShipkitError(`Swagger 2.0 document has a value of the wrong type (${t.message})`,{hint:"Path items, parameters, responses and schemas must be objects; allOf/anyOf/oneOf lists.",location:{file:n(e.path)}})}}async function A(e,t){return function(e,t,n=e=>e){const r=e.trimStart();if(r.startsWith("{")||r.startsWith("["))try{return{path:t,data:JSON.parse(e),lineOf:t=>function(e,t){const n=""===t?[]:t.slice(1).split("/").map(I);let r=u(e,0);for(const t of n){const n=f(e,r,t);if(void 0===n)break;r=n}let o=1;for(let t=e.indexOf("\n");-1!==t&&t<r;t=e.indexOf("\n",t+1))o++;return o}(e,t)}}catch(r){const o=/position (\d+)/.exec(r.message),a=o?Number(o[1]):void 0,{line:s,column:c}=void 0===a?{line:void 0,column:void 0}:function(e,t){let n=1,r=0;for(let o=e.indexOf("\n");-1!==o&&o<t;o=e.indexOf("\n",o+1))n++,r=o+1;return{line:n,column:t-r+1}}(e,a);throw new i.ShipkitError(`invalid JSON: ${r.message.replace(/ in JSON at position.*/,"")}`,{hint:"Fix the JSON syntax at that line.",location:{file:n(t),line:s,column:c}})}const o=(0,l.h)(e,n(t),{merge:!0}),a=o.errors[0];if(a)throw new i.ShipkitError(`invalid YAML: ${a.message}`,{hint:"Fix the YAML syntax at that line.",location:{file:n(t),line:a.line,column:a.column}});e.includes("&")&&function({doc:e,atNode:t}){(0,c.YR)(e,{Alias(n,r,o){const a=r.resolve(e);if(a&&o.includes(a))throw new i.ShipkitError(`YAML alias *${r.source} sits inside its own anchor &${r.source}`,{hint:"The data would loop forever: use a `$ref` for a recursive schema.",location:t(r)})}})}(o);const s=(0,l.O)(o.doc,n(t),{maxAliasCount:O,bombHint:`Use $ref instead of YAML aliases; shipkit expands at most ${O} of them.`,empty:null,lines:o.lines});return{path:t,data:s,lineOf:e=>{const t=""===e?[]:e.slice(1).split("/").map(I);for(let e=t.length;e>=0;e--){const{line:n}=o.atNode(o.nodeAt(t.slice(0,e)));if(void 0!==n)return n}}}}((0,p.yR)(e,{kind:"spec",what:"the spec file",file:t(e),hint:"Check the spec path (relative to the repository root)."}),e,t)}function I(e){return e.includes("~")?e.replace(/~1/g,"/").replace(/~0/g,"~"):e}function w(e){return e.includes("~")||e.includes("/")?e.replace(/~/g,"~0").replace(/\//g,"~1"):e}async function x(e,t,n,r){const a=(t,n)=>new i.ShipkitError(`$ref "${e.ref}" at ${e.pointer} ${t}`,{hint:n,location:r});if(/^[A-Za-z][A-Za-z0-9+.-]+:/.test(e.file))throw a("is a URL; shipkit reads local files only","Download the referenced file next to the spec and point the $ref at it.");let s;try{s=decodeURI(e.file)}catch{throw a("is not a valid URI reference","Percent-encode the file name correctly (e.g. %20 for a space).")}const c=(0,o.resolve)((0,o.dirname)(t),s),l=`Referenced files must stay inside ${n}: copy the file there and point the $ref at it (codegen \`refs: spec-directory\` narrows this to the spec's directory).`;if(!function(e,t){const n=(0,o.relative)(e,t);return""===n||".."!==n.split(o.sep)[0]&&!(0,o.isAbsolute)(n)}(n,await P(c)))throw a(`reads outside ${n}`,l);return c}async function P(e){const t=await(0,s.realpath)(e).catch(()=>{});return void 0!==t||(0,o.dirname)(e)===e?t??e:(0,o.join)(await P((0,o.dirname)(e)),(0,o.basename)(e))}function $(e){const t=[],n=(e,r)=>{if(null===e||"object"!=typeof e)return;if(Array.isArray(e)){for(let t=0;t<e.length;t++)n(e[t],`${r}/${t}`);return}const o=e.$ref;if("string"==typeof o&&!o.startsWith("#")){const e=o.indexOf("#"),n=-1===e?o:o.slice(0,e);t.push({ref:o,file:n,pointer:`${r}/$ref`})}for(const t in e){const o=e[t];null!==o&&"object"==typeof o&&n(o,`${r}/${w(t)}`)}};return n(e,""),t}const D=new WeakMap;function L(e,t,n){let r=D.get(e);r||(r=new Map,D.set(e,r));const i=t.startsWith("#")&&n===e.root.path?t:`${n}\n${t}`;if(r.has(i))return r.get(i);const a=function(e,t,n){const r=t.indexOf("#"),i=-1===r?t:t.slice(0,r),a=-1===r?"":function(e){try{return decodeURIComponent(e)}catch{return e}}(t.slice(r+1)),s=""===i?n:(0,o.resolve)((0,o.dirname)(n),decodeURI(i)),c=e.files.get(s);if(!c)return;const l=function(e,t){if(""===t||"/"===t)return e;let n=e;for(const e of t.slice(1).split("/")){if(null===n||"object"!=typeof n)return;if(n=n[I(e)],void 0===n)return}return n}(c.data,a);return void 0===l?void 0:{file:s,pointer:a,value:l}}(e,t,n);return r.set(i,a),a}const j=new Set("ANGLE_instanced_arrays ARIAMixin AbortController AbortSignal AbortSignalEventMap AbstractRange AbstractWorker AbstractWorkerEventMap ActiveXObject AddEventListenerOptions AddressErrors AesCbcParams AesCtrParams AesDerivedKeyParams AesGcmParams AesKeyAlgorithm AesKeyGenParams AggregateError AggregateErrorConstructor Algorithm AlgorithmIdentifier AlignSetting AllowSharedBufferSource AlphaOption AnalyserNode AnalyserOptions Animatable Animation AnimationEffect AnimationEvent AnimationEventInit AnimationEventMap AnimationFrameProvider AnimationPlayState AnimationPlaybackEvent AnimationPlaybackEventInit AnimationReplaceState AnimationTimeline AppendMode Array ArrayBuffer ArrayBufferConstructor ArrayBufferLike ArrayBufferTypes ArrayBufferView ArrayConstructor ArrayIterator ArrayLike AssignedNodesOptions AsyncDisposable AsyncDisposableStack AsyncDisposableStackConstructor AsyncGenerator AsyncGeneratorFunction AsyncGeneratorFunctionConstructor AsyncIterable AsyncIterableIterator AsyncIterator AsyncIteratorObject Atomics AttestationConveyancePreference Attr Audio AudioBuffer AudioBufferOptions AudioBufferSourceNode AudioBufferSourceOptions AudioConfiguration AudioContext AudioContextLatencyCategory AudioContextOptions AudioContextState AudioData AudioDataCopyToOptions AudioDataInit AudioDataOutputCallback AudioDecoder AudioDecoderConfig AudioDecoderEventMap AudioDecoderInit AudioDecoderSupport AudioDestinationNode AudioEncoder AudioEncoderConfig AudioEncoderEventMap AudioEncoderInit AudioEncoderSupport AudioListener AudioNode AudioNodeOptions AudioParam AudioParamMap AudioProcessingEvent AudioProcessingEventInit AudioSampleFormat AudioScheduledSourceNode AudioScheduledSourceNodeEventMap AudioTimestamp AudioWorklet AudioWorkletNode AudioWorkletNodeEventMap AudioWorkletNodeOptions AuthenticationExtensionsClientInputs AuthenticationExtensionsClientInputsJSON AuthenticationExtensionsClientOutputs AuthenticationExtensionsLargeBlobInputs AuthenticationExtensionsLargeBlobInputsJSON AuthenticationExtensionsLargeBlobOutputs AuthenticationExtensionsPRFInputs AuthenticationExtensionsPRFInputsJSON AuthenticationExtensionsPRFOutputs AuthenticationExtensionsPRFValues AuthenticationExtensionsPRFValuesJSON AuthenticatorAssertionResponse AuthenticatorAttachment AuthenticatorAttestationResponse AuthenticatorResponse AuthenticatorSelectionCriteria AuthenticatorTransport AutoFill AutoFillAddressKind AutoFillBase AutoFillContactField AutoFillContactKind AutoFillCredentialField AutoFillField AutoFillNormalField AutoFillSection AutoKeyword AutomationRate AvcBitstreamFormat AvcEncoderConfig Awaited BarProp Base64URLString BaseAudioContext BaseAudioContextEventMap BeforeUnloadEvent BigInt BigInt64Array BigInt64ArrayConstructor BigIntConstructor BigIntToLocaleStringOptions BigInteger BigUint64Array BigUint64ArrayConstructor BinaryType BiquadFilterNode BiquadFilterOptions BiquadFilterType BitrateMode Blob BlobCallback BlobEvent BlobEventInit BlobPart BlobPropertyBag Body BodyInit Boolean BooleanConstructor BroadcastChannel BroadcastChannelEventMap Buffer BufferSource BuiltinIteratorReturn ByteLengthQueuingStrategy CDATASection COSEAlgorithmIdentifier CSPViolationReportBody CSS CSSAnimation CSSConditionRule CSSContainerRule CSSCounterStyleRule CSSFontFaceRule CSSFontFeatureValuesRule CSSFontPaletteValuesRule CSSGroupingRule CSSImageValue CSSImportRule CSSKeyframeRule CSSKeyframesRule CSSKeywordValue CSSKeywordish CSSLayerBlockRule CSSLayerStatementRule CSSMathClamp CSSMathInvert CSSMathMax CSSMathMin CSSMathNegate CSSMathOperator CSSMathProduct CSSMathSum CSSMathValue CSSMatrixComponent CSSMatrixComponentOptions CSSMediaRule CSSNamespaceRule CSSNestedDeclarations CSSNumberish CSSNumericArray CSSNumericBaseType CSSNumericType CSSNumericValue CSSPageRule CSSPerspective CSSPerspectiveValue CSSPropertyRule CSSRotate CSSRule CSSRuleList CSSScale CSSScopeRule CSSSkew CSSSkewX CSSSkewY CSSStartingStyleRule CSSStyleDeclaration CSSStyleRule CSSStyleSheet CSSStyleSheetInit CSSStyleValue CSSSupportsRule CSSTransformComponent CSSTransformValue CSSTransition CSSTranslate CSSUnitValue CSSUnparsedSegment CSSUnparsedValue CSSVariableReferenceValue CSSViewTransitionRule Cache CacheQueryOptions CacheStorage CallableFunction CanPlayTypeResult CanvasCaptureMediaStreamTrack CanvasCompositing CanvasDirection CanvasDrawImage CanvasDrawPath CanvasFillRule CanvasFillStrokeStyles CanvasFilters CanvasFontKerning CanvasFontStretch CanvasFontVariantCaps CanvasGradient CanvasImageData CanvasImageSmoothing CanvasImageSource CanvasLineCap CanvasLineJoin CanvasPath CanvasPathDrawingStyles CanvasPattern CanvasRect CanvasRenderingContext2D CanvasRenderingContext2DSettings CanvasSettings CanvasShadowStyles CanvasState CanvasText CanvasTextAlign CanvasTextBaseline CanvasTextDrawingStyles CanvasTextRendering CanvasTransform CanvasUserInterface Capitalize CaretPosition CaretPositionFromPointOptions ChannelCountMode ChannelInterpretation ChannelMergerNode ChannelMergerOptions ChannelSplitterNode ChannelSplitterOptions CharacterData CheckVisibilityOptions ChildNode ClassAccessorDecoratorContext ClassAccessorDecoratorResult ClassAccessorDecoratorTarget ClassDecoratorContext ClassFieldDecoratorContext ClassGetterDecoratorContext ClassMemberDecoratorContext ClassMethodDecoratorContext ClassSetterDecoratorContext ClientQueryOptions ClientRect ClientTypes Clipboard ClipboardEvent ClipboardEventInit ClipboardItem ClipboardItemData ClipboardItemOptions ClipboardItems CloseEvent CloseEventInit CodecState ColorGamut ColorSpaceConversion Comment CompositeOperation CompositeOperationOrAuto CompositionEvent CompositionEventInit CompressionFormat CompressionStream ComputedEffectTiming ComputedKeyframe ConcatArray Console ConstantSourceNode ConstantSourceOptions ConstrainBoolean ConstrainBooleanParameters ConstrainDOMString ConstrainDOMStringParameters ConstrainDouble ConstrainDoubleRange ConstrainULong ConstrainULongRange ConstructorParameters ContentVisibilityAutoStateChangeEvent ContentVisibilityAutoStateChangeEventInit ConvolverNode ConvolverOptions CookieChangeEvent CookieChangeEventInit CookieInit CookieList CookieListItem CookieSameSite CookieStore CookieStoreDeleteOptions CookieStoreEventMap CookieStoreGetOptions CookieStoreManager CountQueuingStrategy Credential CredentialCreationOptions CredentialMediationRequirement CredentialPropertiesOutput CredentialRequestOptions CredentialsContainer Crypto CryptoKey CryptoKeyPair CustomElementConstructor CustomElementRegistry CustomEvent CustomEventInit CustomStateSet DOMException DOMHighResTimeStamp DOMImplementation DOMMatrix DOMMatrix2DInit DOMMatrixInit DOMMatrixReadOnly DOMParser DOMParserSupportedType DOMPoint DOMPointInit DOMPointReadOnly DOMQuad DOMQuadInit DOMRect DOMRectInit DOMRectList DOMRectReadOnly DOMStringList DOMStringMap DOMTokenList DataTransfer DataTransferItem DataTransferItemList DataView DataViewConstructor Date DateConstructor DecodeErrorCallback DecodeSuccessCallback DecompressionStream DecoratorContext DecoratorMetadata DecoratorMetadataObject DelayNode DelayOptions DeviceMotionEvent DeviceMotionEventAcceleration DeviceMotionEventAccelerationInit DeviceMotionEventInit DeviceMotionEventRotationRate DeviceMotionEventRotationRateInit DeviceOrientationEvent DeviceOrientationEventInit DirectionSetting DisplayCaptureSurfaceType DisplayMediaStreamOptions Disposable DisposableStack DisposableStackConstructor DistanceModelType Document DocumentEventMap DocumentFragment DocumentOrShadowRoot DocumentReadyState DocumentTimeline DocumentTimelineOptions DocumentType DocumentVisibilityState DoubleRange DragEvent DragEventInit DynamicsCompressorNode DynamicsCompressorOptions EXT_blend_minmax EXT_color_buffer_float EXT_color_buffer_half_float EXT_float_blend EXT_frag_depth EXT_sRGB EXT_shader_texture_lod EXT_texture_compression_bptc EXT_texture_compression_rgtc EXT_texture_filter_anisotropic EXT_texture_norm16 EcKeyAlgorithm EcKeyGenParams EcKeyImportParams EcdhKeyDeriveParams EcdsaParams EffectTiming Element ElementCSSInlineStyle ElementContentEditable ElementCreationOptions ElementDefinitionOptions ElementEventMap ElementInternals ElementTagNameMap EncodedAudioChunk EncodedAudioChunkInit EncodedAudioChunkMetadata EncodedAudioChunkOutputCallback EncodedAudioChunkType EncodedVideoChunk EncodedVideoChunkInit EncodedVideoChunkMetadata EncodedVideoChunkOutputCallback EncodedVideoChunkType EndOfStreamError EndingType Enumerator EnumeratorConstructor EpochTimeStamp Error ErrorCallback ErrorConstructor ErrorEvent ErrorEventInit ErrorOptions EvalError EvalErrorConstructor Event EventCounts EventInit EventListener EventListenerObject EventListenerOptions EventListenerOrEventListenerObject EventModifierInit EventSource EventSourceEventMap EventSourceInit EventTarget Exclude External Extract File FileCallback FileList FilePropertyBag FileReader FileReaderEventMap FileSystem FileSystemCreateWritableOptions FileSystemDirectoryEntry FileSystemDirectoryHandle FileSystemDirectoryReader FileSystemEntriesCallback FileSystemEntry FileSystemEntryCallback FileSystemFileEntry FileSystemFileHandle FileSystemFlags FileSystemGetDirectoryOptions FileSystemGetFileOptions FileSystemHandle FileSystemHandleKind FileSystemRemoveOptions FileSystemWritableFileStream FileSystemWriteChunkType FillLightMode FillMode FinalizationRegistry FinalizationRegistryConstructor FlatArray Float16Array Float16ArrayConstructor Float32Array Float32ArrayConstructor Float32List Float64Array Float64ArrayConstructor FocusEvent FocusEventInit FocusOptions FontDisplay FontFace FontFaceDescriptors FontFaceLoadStatus FontFaceSet FontFaceSetEventMap FontFaceSetLoadEvent FontFaceSetLoadEventInit FontFaceSetLoadStatus FontFaceSource FormData FormDataEntryValue FormDataEvent FormDataEventInit FragmentDirective FrameRequestCallback FullscreenNavigationUI FullscreenOptions Function FunctionConstructor FunctionStringCallback GLbitfield GLboolean GLclampf GLenum GLfloat GLint GLint64 GLintptr GLsizei GLsizeiptr GLuint GLuint64 GPUError GainNode GainOptions Gamepad GamepadButton GamepadEffectParameters GamepadEvent GamepadEventInit GamepadHapticActuator GamepadHapticEffectType GamepadHapticsResult GamepadMappingType Generator GeneratorFunction GeneratorFunctionConstructor GenericTransformStream Geolocation GeolocationCoordinates GeolocationPosition GeolocationPositionError GetAnimationsOptions GetComposedRangesOptions GetHTMLOptions GetNotificationOptions GetRootNodeOptions Global GlobalCompositeOperation GlobalEventHandlers GlobalEventHandlersEventMap HTMLAllCollection HTMLAnchorElement HTMLAreaElement HTMLAudioElement HTMLBRElement HTMLBaseElement HTMLBodyElement HTMLBodyElementEventMap HTMLButtonElement HTMLCanvasElement HTMLCollection HTMLCollectionBase HTMLCollectionOf HTMLDListElement HTMLDataElement HTMLDataListElement HTMLDetailsElement HTMLDialogElement HTMLDirectoryElement HTMLDivElement HTMLDocument HTMLElement HTMLElementDeprecatedTagNameMap HTMLElementEventMap HTMLElementTagNameMap HTMLEmbedElement HTMLFieldSetElement HTMLFontElement HTMLFormControlsCollection HTMLFormElement HTMLFrameElement HTMLFrameSetElement HTMLFrameSetElementEventMap HTMLHRElement HTMLHeadElement HTMLHeadingElement HTMLHtmlElement HTMLHyperlinkElementUtils HTMLIFrameElement HTMLImageElement HTMLInputElement HTMLLIElement HTMLLabelElement HTMLLegendElement HTMLLinkElement HTMLMapElement HTMLMarqueeElement HTMLMediaElement HTMLMediaElementEventMap HTMLMenuElement HTMLMetaElement HTMLMeterElement HTMLModElement HTMLOListElement HTMLObjectElement HTMLOptGroupElement HTMLOptionElement HTMLOptionsCollection HTMLOrSVGElement HTMLOrSVGImageElement HTMLOrSVGScriptElement HTMLOutputElement HTMLParagraphElement HTMLParamElement HTMLPictureElement HTMLPreElement HTMLProgressElement HTMLQuoteElement HTMLScriptElement HTMLSelectElement HTMLSlotElement HTMLSourceElement HTMLSpanElement HTMLStyleElement HTMLTableCaptionElement HTMLTableCellElement HTMLTableColElement HTMLTableDataCellElement HTMLTableElement HTMLTableHeaderCellElement HTMLTableRowElement HTMLTableSectionElement HTMLTemplateElement HTMLTextAreaElement HTMLTimeElement HTMLTitleElement HTMLTrackElement HTMLUListElement HTMLUnknownElement HTMLVideoElement HTMLVideoElementEventMap HardwareAcceleration HashAlgorithmIdentifier HashChangeEvent HashChangeEventInit HdrMetadataType Headers HeadersInit Highlight HighlightRegistry HighlightType History HkdfParams HmacImportParams HmacKeyAlgorithm HmacKeyGenParams IArguments IDBCursor IDBCursorDirection IDBCursorWithValue IDBDatabase IDBDatabaseEventMap IDBDatabaseInfo IDBFactory IDBIndex IDBIndexParameters IDBKeyRange IDBObjectStore IDBObjectStoreParameters IDBOpenDBRequest IDBOpenDBRequestEventMap IDBRequest IDBRequestEventMap IDBRequestReadyState IDBTransaction IDBTransactionDurability IDBTransactionEventMap IDBTransactionMode IDBTransactionOptions IDBValidKey IDBVersionChangeEvent IDBVersionChangeEventInit IIRFilterNode IIRFilterOptions ITextWriter IdleDeadline IdleRequestCallback IdleRequestOptions Image ImageBitmap ImageBitmapOptions ImageBitmapRenderingContext ImageBitmapRenderingContextSettings ImageBitmapSource ImageBufferSource ImageCapture ImageData ImageDataArray ImageDataSettings ImageDecodeOptions ImageDecodeResult ImageDecoder ImageDecoderInit ImageEncodeOptions ImageOrientation ImageSmoothingQuality ImageTrack ImageTrackList ImportAssertions ImportAttributes ImportCallOptions ImportMeta ImportNodeOptions Infinity InputDeviceInfo InputEvent InputEventInit InsertPosition InstanceType Int16Array Int16ArrayConstructor Int32Array Int32ArrayConstructor Int32List Int8Array Int8ArrayConstructor IntersectionObserver IntersectionObserverCallback IntersectionObserverEntry IntersectionObserverInit Intl Iterable IterableIterator IterationCompositeOperation Iterator IteratorObject IteratorObjectConstructor IteratorResult IteratorReturnResult IteratorYieldResult JSON JsonWebKey KHR_parallel_shader_compile KeyAlgorithm KeyFormat KeySystemTrackConfiguration KeyType KeyUsage KeyboardEvent KeyboardEventInit Keyframe KeyframeAnimationOptions KeyframeEffect KeyframeEffectOptions LargestContentfulPaint LatencyMode LineAlignSetting LineAndPositionSetting LinkStyle Location Lock LockGrantedCallback LockInfo LockManager LockManagerSnapshot LockMode LockOptions LoginStatus Lowercase MIDIAccess MIDIAccessEventMap MIDIConnectionEvent MIDIConnectionEventInit MIDIInput MIDIInputEventMap MIDIInputMap MIDIMessageEvent MIDIMessageEventInit MIDIOptions MIDIOutput MIDIOutputMap MIDIPort MIDIPortConnectionState MIDIPortDeviceState MIDIPortEventMap MIDIPortType Map MapConstructor MapIterator Math MathMLElement MathMLElementEventMap MathMLElementTagNameMap MediaCapabilities MediaCapabilitiesDecodingInfo MediaCapabilitiesEncodingInfo MediaCapabilitiesInfo MediaCapabilitiesKeySystemConfiguration MediaConfiguration MediaDecodingConfiguration MediaDecodingType MediaDeviceInfo MediaDeviceKind MediaDevices MediaDevicesEventMap MediaElementAudioSourceNode MediaElementAudioSourceOptions MediaEncodingConfiguration MediaEncodingType MediaEncryptedEvent MediaEncryptedEventInit MediaError MediaImage MediaKeyMessageEvent MediaKeyMessageEventInit MediaKeyMessageType MediaKeySession MediaKeySessionClosedReason MediaKeySessionEventMap MediaKeySessionType MediaKeyStatus MediaKeyStatusMap MediaKeySystemAccess MediaKeySystemConfiguration MediaKeySystemMediaCapability MediaKeys MediaKeysPolicy MediaKeysRequirement MediaList MediaMetadata MediaMetadataInit MediaPositionState MediaProvider MediaQueryList MediaQueryListEvent MediaQueryListEventInit MediaQueryListEventMap MediaRecorder MediaRecorderEventMap MediaRecorderOptions MediaSession MediaSessionAction MediaSessionActionDetails MediaSessionActionHandler MediaSessionPlaybackState MediaSettingsRange MediaSource MediaSourceEventMap MediaSourceHandle MediaStream MediaStreamAudioDestinationNode MediaStreamAudioSourceNode MediaStreamAudioSourceOptions MediaStreamConstraints MediaStreamEventMap MediaStreamTrack MediaStreamTrackEvent MediaStreamTrackEventInit MediaStreamTrackEventMap MediaStreamTrackState MediaTrackCapabilities MediaTrackConstraintSet MediaTrackConstraints MediaTrackSettings MediaTrackSupportedConstraints MessageChannel MessageEvent MessageEventInit MessageEventSource MessageEventTarget MessageEventTargetEventMap MessagePort MessagePortEventMap MimeType MimeTypeArray Module MouseEvent MouseEventInit MultiCacheQueryOptions MutationCallback MutationObserver MutationObserverInit MutationRecord MutationRecordType NaN NamedCurve NamedNodeMap NavigationActivation NavigationHistoryEntry NavigationHistoryEntryEventMap NavigationPreloadManager NavigationPreloadState NavigationTimingType NavigationType Navigator NavigatorAutomationInformation NavigatorBadge NavigatorConcurrentHardware NavigatorContentUtils NavigatorCookies NavigatorID NavigatorLanguage NavigatorLocks NavigatorLogin NavigatorOnLine NavigatorPlugins NavigatorStorage NewableFunction NoInfer Node NodeFilter NodeIterator NodeJS NodeList NodeListOf NonDocumentTypeChildNode NonElementParentNode NonNullable Notification NotificationDirection NotificationEventMap NotificationOptions NotificationPermission NotificationPermissionCallback Number NumberConstructor OES_draw_buffers_indexed OES_element_index_uint OES_fbo_render_mipmap OES_standard_derivatives OES_texture_float OES_texture_float_linear OES_texture_half_float OES_texture_half_float_linear OES_vertex_array_object OVR_multiview2 Object ObjectConstructor OfflineAudioCompletionEvent OfflineAudioCompletionEventInit OfflineAudioContext OfflineAudioContextEventMap OfflineAudioContextOptions OffscreenCanvas OffscreenCanvasEventMap OffscreenCanvasRenderingContext2D OffscreenRenderingContext OffscreenRenderingContextId Omit OmitThisParameter OnBeforeUnloadEventHandler OnBeforeUnloadEventHandlerNonNull OnErrorEventHandler OnErrorEventHandlerNonNull Option OptionalEffectTiming OptionalPostfixToken OptionalPrefixToken OpusBitstreamFormat OpusEncoderConfig OrientationType OscillatorNode OscillatorOptions OscillatorType OverSampleType OverconstrainedError PageRevealEvent PageRevealEventInit PageSwapEvent PageSwapEventInit PageTransitionEvent PageTransitionEventInit PannerNode PannerOptions PanningModelType Parameters ParentNode Partial Path2D PayerErrors PaymentAddress PaymentComplete PaymentCurrencyAmount PaymentDetailsBase PaymentDetailsInit PaymentDetailsModifier PaymentDetailsUpdate PaymentItem PaymentMethodChangeEvent PaymentMethodChangeEventInit PaymentMethodData PaymentOptions PaymentRequest PaymentRequestEventMap PaymentRequestUpdateEvent PaymentRequestUpdateEventInit PaymentResponse PaymentResponseEventMap PaymentShippingOption PaymentShippingType PaymentValidationErrors Pbkdf2Params Performance PerformanceEntry PerformanceEntryList PerformanceEventMap PerformanceEventTiming PerformanceMark PerformanceMarkOptions PerformanceMeasure PerformanceMeasureOptions PerformanceNavigation PerformanceNavigationTiming PerformanceObserver PerformanceObserverCallback PerformanceObserverEntryList PerformanceObserverInit PerformancePaintTiming PerformanceResourceTiming PerformanceServerTiming PerformanceTiming PeriodicWave PeriodicWaveConstraints PeriodicWaveOptions PermissionDescriptor PermissionName PermissionState PermissionStatus PermissionStatusEventMap Permissions PhotoCapabilities PhotoSettings Pick PictureInPictureEvent PictureInPictureEventInit PictureInPictureWindow PictureInPictureWindowEventMap PlaneLayout PlaybackDirection Plugin PluginArray PointerEvent PointerEventInit PointerLockOptions PopStateEvent PopStateEventInit PopoverInvokerElement PositionAlignSetting PositionCallback PositionErrorCallback PositionOptions PredefinedColorSpace PremultiplyAlpha PresentationStyle Process ProcessingInstruction ProgressEvent ProgressEventInit Promise PromiseConstructor PromiseFulfilledResult PromiseLike PromiseRejectedResult PromiseRejectionEvent PromiseRejectionEventInit PromiseSettledResult PromiseWithResolvers PropertyDefinition PropertyDescriptor PropertyDescriptorMap PropertyIndexedKeyframes Proxy ProxyConstructor ProxyHandler PublicKeyCredential PublicKeyCredentialClientCapabilities PublicKeyCredentialCreationOptions PublicKeyCredentialCreationOptionsJSON PublicKeyCredentialDescriptor PublicKeyCredentialDescriptorJSON PublicKeyCredentialEntity PublicKeyCredentialJSON PublicKeyCredentialParameters PublicKeyCredentialRequestOptions PublicKeyCredentialRequestOptionsJSON PublicKeyCredentialRpEntity PublicKeyCredentialType PublicKeyCredentialUserEntity PublicKeyCredentialUserEntityJSON PushEncryptionKeyName PushManager PushSubscription PushSubscriptionJSON PushSubscriptionOptions PushSubscriptionOptionsInit QueuingStrategy QueuingStrategyInit QueuingStrategySize RTCAnswerOptions RTCBundlePolicy RTCCertificate RTCCertificateExpiration RTCConfiguration RTCDTMFSender RTCDTMFSenderEventMap RTCDTMFToneChangeEvent RTCDTMFToneChangeEventInit RTCDataChannel RTCDataChannelEvent RTCDataChannelEventInit RTCDataChannelEventMap RTCDataChannelInit RTCDataChannelState RTCDegradationPreference RTCDtlsFingerprint RTCDtlsRole RTCDtlsTransport RTCDtlsTransportEventMap RTCDtlsTransportState RTCEncodedAudioFrame RTCEncodedAudioFrameMetadata RTCEncodedFrameMetadata RTCEncodedVideoFrame RTCEncodedVideoFrameMetadata RTCEncodedVideoFrameType RTCError RTCErrorDetailType RTCErrorEvent RTCErrorEventInit RTCErrorInit RTCIceCandidate RTCIceCandidateInit RTCIceCandidatePair RTCIceCandidatePairStats RTCIceCandidateType RTCIceComponent RTCIceConnectionState RTCIceGathererState RTCIceGatheringState RTCIceProtocol RTCIceRole RTCIceServer RTCIceTcpCandidateType RTCIceTransport RTCIceTransportEventMap RTCIceTransportPolicy RTCIceTransportState RTCInboundRtpStreamStats RTCLocalIceCandidateInit RTCLocalSessionDescriptionInit RTCOfferAnswerOptions RTCOfferOptions RTCOutboundRtpStreamStats RTCPeerConnection RTCPeerConnectionErrorCallback RTCPeerConnectionEventMap RTCPeerConnectionIceErrorEvent RTCPeerConnectionIceErrorEventInit RTCPeerConnectionIceEvent RTCPeerConnectionIceEventInit RTCPeerConnectionState RTCPriorityType RTCQualityLimitationReason RTCReceivedRtpStreamStats RTCRtcpMuxPolicy RTCRtcpParameters RTCRtpCapabilities RTCRtpCodec RTCRtpCodecParameters RTCRtpCodingParameters RTCRtpContributingSource RTCRtpEncodingParameters RTCRtpHeaderExtensionCapability RTCRtpHeaderExtensionParameters RTCRtpParameters RTCRtpReceiveParameters RTCRtpReceiver RTCRtpScriptTransform RTCRtpSendParameters RTCRtpSender RTCRtpStreamStats RTCRtpSynchronizationSource RTCRtpTransceiver RTCRtpTransceiverDirection RTCRtpTransceiverInit RTCRtpTransform RTCSctpTransport RTCSctpTransportEventMap RTCSctpTransportState RTCSdpType RTCSentRtpStreamStats RTCSessionDescription RTCSessionDescriptionCallback RTCSessionDescriptionInit RTCSetParameterOptions RTCSignalingState RTCStats RTCStatsIceCandidatePairState RTCStatsReport RTCStatsType RTCTrackEvent RTCTrackEventInit RTCTransportStats RadioNodeList Range RangeError RangeErrorConstructor ReadableByteStreamController ReadableStream ReadableStreamBYOBReader ReadableStreamBYOBRequest ReadableStreamController ReadableStreamDefaultController ReadableStreamDefaultReader ReadableStreamGenericReader ReadableStreamGetReaderOptions ReadableStreamIteratorOptions ReadableStreamReadDoneResult ReadableStreamReadResult ReadableStreamReadValueResult ReadableStreamReader ReadableStreamReaderMode ReadableStreamType ReadableWritablePair Readonly ReadonlyArray ReadonlyMap ReadonlySet ReadonlySetLike ReadyState Record RecordingState RedEyeReduction ReferenceError ReferenceErrorConstructor ReferrerPolicy Reflect RegExp RegExpConstructor RegExpExecArray RegExpIndicesArray RegExpMatchArray RegExpStringIterator RegistrationOptions RemotePlayback RemotePlaybackAvailabilityCallback RemotePlaybackEventMap RemotePlaybackState RenderingContext Report ReportBody ReportList ReportingObserver ReportingObserverCallback ReportingObserverOptions Request RequestCache RequestCredentials RequestDestination RequestInfo RequestInit RequestMode RequestPriority RequestRedirect Require Required ResidentKeyRequirement ResizeObserver ResizeObserverBoxOptions ResizeObserverCallback ResizeObserverEntry ResizeObserverOptions ResizeObserverSize ResizeQuality Response ResponseInit ResponseType ReturnType RsaHashedImportParams RsaHashedKeyAlgorithm RsaHashedKeyGenParams RsaKeyAlgorithm RsaKeyGenParams RsaOaepParams RsaOtherPrimesInfo RsaPssParams SVGAElement SVGAngle SVGAnimateElement SVGAnimateMotionElement SVGAnimateTransformElement SVGAnimatedAngle SVGAnimatedBoolean SVGAnimatedEnumeration SVGAnimatedInteger SVGAnimatedLength SVGAnimatedLengthList SVGAnimatedNumber SVGAnimatedNumberList SVGAnimatedPoints SVGAnimatedPreserveAspectRatio SVGAnimatedRect SVGAnimatedString SVGAnimatedTransformList SVGAnimationElement SVGBoundingBoxOptions SVGCircleElement SVGClipPathElement SVGComponentTransferFunctionElement SVGDefsElement SVGDescElement SVGElement SVGElementEventMap SVGElementTagNameMap SVGEllipseElement SVGFEBlendElement SVGFEColorMatrixElement SVGFEComponentTransferElement SVGFECompositeElement SVGFEConvolveMatrixElement SVGFEDiffuseLightingElement SVGFEDisplacementMapElement SVGFEDistantLightElement SVGFEDropShadowElement SVGFEFloodElement SVGFEFuncAElement SVGFEFuncBElement SVGFEFuncGElement SVGFEFuncRElement SVGFEGaussianBlurElement SVGFEImageElement SVGFEMergeElement SVGFEMergeNodeElement SVGFEMorphologyElement SVGFEOffsetElement SVGFEPointLightElement SVGFESpecularLightingElement SVGFESpotLightElement SVGFETileElement SVGFETurbulenceElement SVGFilterElement SVGFilterPrimitiveStandardAttributes SVGFitToViewBox SVGForeignObjectElement SVGGElement SVGGeometryElement SVGGradientElement SVGGraphicsElement SVGImageElement SVGLength SVGLengthList SVGLineElement SVGLinearGradientElement SVGMPathElement SVGMarkerElement SVGMaskElement SVGMatrix SVGMetadataElement SVGNumber SVGNumberList SVGPathElement SVGPatternElement SVGPoint SVGPointList SVGPolygonElement SVGPolylineElement SVGPreserveAspectRatio SVGRadialGradientElement SVGRect SVGRectElement SVGSVGElement SVGSVGElementEventMap SVGScriptElement SVGSetElement SVGStopElement SVGStringList SVGStyleElement SVGSwitchElement SVGSymbolElement SVGTSpanElement SVGTests SVGTextContentElement SVGTextElement SVGTextPathElement SVGTextPositioningElement SVGTitleElement SVGTransform SVGTransformList SVGURIReference SVGUnitTypes SVGUseElement SVGViewElement SafeArray Screen ScreenOrientation ScreenOrientationEventMap ScriptProcessorNode ScriptProcessorNodeEventMap ScrollBehavior ScrollIntoViewOptions ScrollLogicalPosition ScrollOptions ScrollRestoration ScrollSetting ScrollToOptions SecurityPolicyViolationEvent SecurityPolicyViolationEventDisposition SecurityPolicyViolationEventInit Selection SelectionMode ServiceWorker ServiceWorkerContainer ServiceWorkerContainerEventMap ServiceWorkerEventMap ServiceWorkerRegistration ServiceWorkerRegistrationEventMap ServiceWorkerState ServiceWorkerUpdateViaCache Set SetConstructor SetIterator ShadowRoot ShadowRootEventMap ShadowRootInit ShadowRootMode ShareData SharedArrayBuffer SharedArrayBufferConstructor SharedWorker SlotAssignmentMode Slottable SourceBuffer SourceBufferEventMap SourceBufferList SourceBufferListEventMap SpeechRecognitionAlternative SpeechRecognitionResult SpeechRecognitionResultList SpeechSynthesis SpeechSynthesisErrorCode SpeechSynthesisErrorEvent SpeechSynthesisErrorEventInit SpeechSynthesisEvent SpeechSynthesisEventInit SpeechSynthesisEventMap SpeechSynthesisUtterance SpeechSynthesisUtteranceEventMap SpeechSynthesisVoice StartViewTransitionOptions StaticRange StaticRangeInit StereoPannerNode StereoPannerOptions Storage StorageEstimate StorageEvent StorageEventInit StorageManager StreamPipeOptions String StringConstructor StringIterator StructuredSerializeOptions StyleMedia StylePropertyMap StylePropertyMapReadOnly StyleSheet StyleSheetList SubmitEvent SubmitEventInit SubtleCrypto SuppressedError SuppressedErrorConstructor Symbol SymbolConstructor SyntaxError SyntaxErrorConstructor TemplateStringsArray TexImageSource Text TextDecodeOptions TextDecoder TextDecoderCommon TextDecoderOptions TextDecoderStream TextEncoder TextEncoderCommon TextEncoderEncodeIntoResult TextEncoderStream TextEvent TextMetrics TextStreamBase TextStreamReader TextStreamWriter TextTrack TextTrackCue TextTrackCueEventMap TextTrackCueList TextTrackEventMap TextTrackKind TextTrackList TextTrackListEventMap TextTrackMode ThisParameterType ThisType TimeRanges TimerHandler ToggleEvent ToggleEventInit Touch TouchEvent TouchEventInit TouchInit TouchList TouchType TrackEvent TrackEventInit TransferFunction Transferable TransformStream TransformStreamDefaultController Transformer TransformerFlushCallback TransformerStartCallback TransformerTransformCallback TransitionEvent TransitionEventInit TreeWalker TypeError TypeErrorConstructor TypedPropertyDescriptor UIEvent UIEventInit ULongRange URIError URIErrorConstructor URL URLSearchParams Uint16Array Uint16ArrayConstructor Uint32Array Uint32ArrayConstructor Uint32List Uint8Array Uint8ArrayConstructor Uint8ClampedArray Uint8ClampedArrayConstructor Uncapitalize UnderlyingByteSource UnderlyingDefaultSource UnderlyingSink UnderlyingSinkAbortCallback UnderlyingSinkCloseCallback UnderlyingSinkStartCallback UnderlyingSinkWriteCallback UnderlyingSource UnderlyingSourceCancelCallback UnderlyingSourcePullCallback UnderlyingSourceStartCallback Uppercase UserActivation UserVerificationRequirement VBArray VBArrayConstructor VTTCue VTTRegion ValidityState ValidityStateFlags VarDate VibratePattern VideoColorPrimaries VideoColorSpace VideoColorSpaceInit VideoConfiguration VideoDecoder VideoDecoderConfig VideoDecoderEventMap VideoDecoderInit VideoDecoderSupport VideoEncoder VideoEncoderBitrateMode VideoEncoderConfig VideoEncoderEncodeOptions VideoEncoderEncodeOptionsForAvc VideoEncoderEventMap VideoEncoderInit VideoEncoderSupport VideoFacingModeEnum VideoFrame VideoFrameBufferInit VideoFrameCallbackMetadata VideoFrameCopyToOptions VideoFrameInit VideoFrameOutputCallback VideoFrameRequestCallback VideoMatrixCoefficients VideoPixelFormat VideoPlaybackQuality VideoTransferCharacteristics ViewTransition ViewTransitionTypeSet ViewTransitionUpdateCallback VisualViewport VisualViewportEventMap VoidFunction WEBGL_color_buffer_float WEBGL_compressed_texture_astc WEBGL_compressed_texture_etc WEBGL_compressed_texture_etc1 WEBGL_compressed_texture_pvrtc WEBGL_compressed_texture_s3tc WEBGL_compressed_texture_s3tc_srgb WEBGL_debug_renderer_info WEBGL_debug_shaders WEBGL_depth_texture WEBGL_draw_buffers WEBGL_lose_context WEBGL_multi_draw WSH WScript WakeLock WakeLockSentinel WakeLockSentinelEventMap WakeLockType WaveShaperNode WaveShaperOptions WeakKey WeakKeyTypes WeakMap WeakMapConstructor WeakRef WeakRefConstructor WeakSet WeakSetConstructor WebAssembly WebCodecsErrorCallback WebGL2RenderingContext WebGL2RenderingContextBase WebGL2RenderingContextOverloads WebGLActiveInfo WebGLBuffer WebGLContextAttributes WebGLContextEvent WebGLContextEventInit WebGLFramebuffer WebGLPowerPreference WebGLProgram WebGLQuery WebGLRenderbuffer WebGLRenderingContext WebGLRenderingContextBase WebGLRenderingContextOverloads WebGLSampler WebGLShader WebGLShaderPrecisionFormat WebGLSync WebGLTexture WebGLTransformFeedback WebGLUniformLocation WebGLVertexArrayObject WebGLVertexArrayObjectOES WebKitCSSMatrix WebSocket WebSocketEventMap WebTransport WebTransportBidirectionalStream WebTransportCloseInfo WebTransportCongestionControl WebTransportDatagramDuplexStream WebTransportError WebTransportErrorOptions WebTransportErrorSource WebTransportHash WebTransportOptions WebTransportSendOptions WebTransportSendStreamOptions WheelEvent WheelEventInit Window WindowEventHandlers WindowEventHandlersEventMap WindowEventMap WindowLocalStorage WindowOrWorkerGlobalScope WindowPostMessageOptions WindowProxy WindowSessionStorage Worker WorkerEventMap WorkerOptions WorkerType Worklet WorkletOptions WritableStream WritableStreamDefaultController WritableStreamDefaultWriter WriteCommandType WriteParams XMLDocument XMLHttpRequest XMLHttpRequestBodyInit XMLHttpRequestEventMap XMLHttpRequestEventTarget XMLHttpRequestEventTargetEventMap XMLHttpRequestResponseType XMLHttpRequestUpload XMLSerializer XPathEvaluator XPathEvaluatorBase XPathExpression XPathNSResolver XPathResult XSLTProcessor".split(" ").filter(Boolean)),N=String.raw`/** Retries: only idempotent requests (GET, HEAD, OPTIONS, PUT, DELETE) unless 'retryNonIdempotent'. */
export interface RetryOptions {
  /** Attempts after the first (default 2). */
  retries?: number;
  /** First backoff delay in ms, doubled each attempt, with jitter (default 300). */
  minDelayMs?: number;
  /** Longest wait, also the cap on Retry-After (default 30000). */
  maxDelayMs?: number;
  /** Also retry POST and PATCH (they may not be safe to repeat). */
  retryNonIdempotent?: boolean;
  /** Statuses retried (default 408, 425, 429, 500, 502, 503, 504). */
  statuses?: number[];
}

export interface ClientOptions {
  /** Base URL the paths are appended to (default: the spec's first server). */
  baseUrl?: string;
  /** The fetch to use (default: globalThis.fetch). */
  fetch?: (url: string, init: RequestInit) => Promise<Response>;
  /** Headers sent with every request. */
  headers?: Record<string, string>;
  credentials?: Credentials;
  /** Retry policy, or false for none. */
  retry?: RetryOptions | false;
  /** Abort an attempt after this many ms (default: none). */
  timeoutMs?: number;
}

export interface RequestOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
  retry?: RetryOptions | false;
  headers?: Record<string, string>;
}

/** A secret, or a function that returns one (called per request, so tokens can rotate). */
export type Secret = string | (() => string | Promise<string>);

/** A non-2xx answer: 'detail' is the typed union of documented statuses and bodies. */
export class ApiError<E extends { status: number; body: unknown } = { status: number; body: unknown }> extends Error {
  readonly operation: string;
  readonly status: number;
  readonly body: unknown;
  readonly headers: Headers;
  constructor(operation: string, status: number, body: unknown, headers: Headers) {
    super(operation + ' failed with HTTP ' + status);
    this.name = 'ApiError';
    this.operation = operation;
    this.status = status;
    this.body = body;
    this.headers = headers;
  }
  /** Status and body together, so checking 'detail.status' narrows 'detail.body'. */
  get detail(): E {
    return { status: this.status, body: this.body } as E;
  }
}

/** A request's int64 field holds something other than an integer: thrown before anything is sent. */
export class InvalidInt64Error extends TypeError {
  readonly operation: string;
  /** Where the value sits: 'body.ledger[0].seq', 'query.filter.minId'. */
  readonly field: string;
  readonly value: unknown;
  constructor(operation: string, field: string, value: unknown) {
    const shown = typeof value === 'string' ? JSON.stringify(value) : typeof value === 'number' ? String(value) : 'a value of type ' + typeof value;
    super(operation + ': ' + field + ' is an int64 field: it takes an integer written in digits, such as "-9223372036854775808", not ' + shown);
    this.name = 'InvalidInt64Error';
    this.operation = operation;
    this.field = field;
    this.value = value;
  }
}

/** True when 'err' is an ApiError of operation 'id'; narrows its 'detail' to that operation's errors. */
export function isApiError<K extends keyof T.Operations>(err: unknown, id: K): err is ApiError<T.Operations[K]['errors'] & { status: number; body: unknown }> {
  return err instanceof ApiError && err.operation === id;
}

/** 'int64': where int64 fields sit in a JSON-encoded parameter (with int64: string). */
type ParamSpec = readonly [where: 'path' | 'query' | 'header' | 'cookie', name: string, style: string, explode: boolean, json?: boolean, int64?: Shape];
/**
 * Where int64 fields sit: 'i' one, 'o' properties, 'a' additional properties, 'l' list items,
 * 'u' all of these shapes, 'r' the shape named in SHAPES; 'm': the shapes in 'u' are alternatives
 * (oneOf, anyOf) that do not all agree.
 */
type Shape = 'i' | { readonly o?: Readonly<Record<string, Shape>>; readonly a?: Shape; readonly l?: Shape; readonly u?: readonly Shape[]; readonly m?: 1; readonly r?: string };
interface OpSpec {
  readonly id: string;
  readonly method: string;
  readonly path: string;
  readonly params: readonly ParamSpec[];
  readonly body?: string;
  readonly security?: readonly (readonly string[])[];
  /** Where int64 fields sit in 2xx JSON responses. */
  readonly int64?: Shape;
  /** Where int64 fields sit in the JSON request body (with int64: string). */
  readonly bodyInt64?: Shape;
  /** A form or multipart body's Encoding Objects by property. */
  readonly encoding?: Readonly<Record<string, FieldSpec>>;
}
/** An Encoding Object: its style ('' when it gives none), explode, and contentType. */
type FieldSpec = readonly [style: string, explode: boolean, contentType?: string];
type SchemeSpec = readonly ['apiKey', 'header' | 'query' | 'cookie', string] | readonly ['basic'] | readonly ['bearer'];

const IDEMPOTENT = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE', 'TRACE']);
const RETRY_STATUSES = [408, 425, 429, 500, 502, 503, 504];

class BigNumber {
  constructor(readonly source: string) {}
}

function scalar(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'object') return toJson(v);
  return String(v);
}

function entriesOf(v: object): [string, unknown][] {
  return Object.entries(v).filter(([, x]) => x !== undefined);
}

function encodePath(spec: ParamSpec, value: unknown): string {
  const [, name, style, explode, json] = spec;
  const enc = (x: unknown) => encodeURIComponent(scalar(x));
  if (json) return enc(toJson(value));
  const prefix = style === 'label' ? '.' : style === 'matrix' ? ';' + name + '=' : '';
  const sep = style === 'label' && explode ? '.' : style === 'matrix' && explode ? ';' + name + '=' : ',';
  if (Array.isArray(value)) return prefix + value.map(enc).join(sep);
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    const es = entriesOf(value);
    if (explode) {
      const s = style === 'label' ? '.' : style === 'matrix' ? ';' : ',';
      return (style === 'matrix' ? ';' : style === 'label' ? '.' : '') + es.map(([k, x]) => enc(k) + '=' + enc(x)).join(s);
    }
    return prefix + es.map(([k, x]) => enc(k) + ',' + enc(x)).join(',');
  }
  return prefix + enc(value);
}

function encodeQuery(spec: ParamSpec, value: unknown, out: string[]): void {
  const [, name, style, explode, json] = spec;
  const enc = (x: unknown) => encodeURIComponent(scalar(x));
  const key = encodeURIComponent(name);
  if (json) {
    out.push(key + '=' + enc(toJson(value)));
    return;
  }
  if (style === 'deepObject' && value !== null && typeof value === 'object') {
    const walk = (prefix: string, v: unknown) => {
      if (v !== null && typeof v === 'object' && !(v instanceof Date)) {
        for (const [k, x] of Array.isArray(v) ? v.map((x, i) => [String(i), x] as const) : entriesOf(v)) {
          walk(prefix + '[' + k + ']', x);
        }
      } else out.push(encodeURIComponent(prefix).replace(/%5B/g, '[').replace(/%5D/g, ']') + '=' + enc(v));
    };
    walk(name, value);
    return;
  }
  if (Array.isArray(value)) {
    if (style === 'form' && explode) for (const x of value) out.push(key + '=' + enc(x));
    else {
      const sep = style === 'spaceDelimited' ? '%20' : style === 'pipeDelimited' ? '|' : ',';
      out.push(key + '=' + value.map(enc).join(sep));
    }
    return;
  }
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    const es = entriesOf(value);
    if (explode) for (const [k, x] of es) out.push(encodeURIComponent(k) + '=' + enc(x));
    else out.push(key + '=' + es.map(([k, x]) => enc(k) + ',' + enc(x)).join(','));
    return;
  }
  out.push(key + '=' + enc(value));
}

function encodeHeader(spec: ParamSpec, value: unknown): string {
  const [, , , explode, json] = spec;
  if (json) return toJson(value);
  if (Array.isArray(value)) return value.map(scalar).join(',');
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    return entriesOf(value)
      .map(([k, x]) => k + (explode ? '=' : ',') + scalar(x))
      .join(',');
  }
  return scalar(value);
}

function toJson(value: unknown): string {
  let big = false;
  const text = JSON.stringify(value, (_k, v: unknown) => {
    if (typeof v === 'bigint') {
      big = true;
      return '\u0000bigint:' + v.toString();
    }
    return v;
  });
  return big ? text.replace(/"\\u0000bigint:(-?\d+)"/g, '$1') : text;
}

function formValue(v: unknown): string {
  return typeof v === 'object' && v !== null && !(v instanceof Date) ? toJson(v) : scalar(v);
}

/**
 * The fields of a form or multipart body as name=value pairs (URI-encoded): a field whose Encoding
 * Object gives a style (deepObject: 'metadata[order_id]=6735', arrays indexed) is written like a
 * query parameter of that style; any other field once per array item, an object as JSON text.
 */
function formPairs(body: object, encoding: OpSpec['encoding'], each: (name: string, value: unknown, spec?: FieldSpec) => void): void {
  for (const [k, v] of entriesOf(body)) {
    const spec = encoding?.[k];
    if (spec && spec[0] !== '') {
      const pairs: string[] = [];
      encodeQuery(['query', k, spec[0], spec[1]], v, pairs);
      for (const pair of pairs) {
        const at = pair.indexOf('=');
        each(decodeURIComponent(pair.slice(0, at)), decodeURIComponent(pair.slice(at + 1)));
      }
    } else for (const x of Array.isArray(v) ? v : [v]) each(k, x, spec);
  }
}

/** The first media type of an Encoding Object's contentType list ('image/png, image/jpeg'). */
function firstType(list: string | undefined): string | undefined {
  const t = list?.split(',')[0]?.trim();
  return t === '' || t === undefined || t.includes('*') ? undefined : t;
}

function partName(name: string): string {
  return name.replace(/"/g, '%22').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/**
 * multipart/form-data with each part's Content-Type as OpenAPI sets it: a file its own type (or the
 * Encoding Object's, else application/octet-stream); an object application/json (or a JSON type the
 * Encoding Object names); any other value the Encoding Object's contentType, when it gives one.
 */
function multipartBody(body: object, encoding: OpSpec['encoding']): { body: Blob; type: string } {
  const boundary = 'shipkit-' + Math.random().toString(16).slice(2) + Math.random().toString(16).slice(2);
  const parts: BlobPart[] = [];
  formPairs(body, encoding, (name, value, spec) => {
    const wanted = firstType(spec?.[2]);
    let head = 'Content-Disposition: form-data; name="' + partName(name) + '"';
    let type = wanted;
    let data: BlobPart = scalar(value);
    if (value instanceof Blob) {
      const file = (value as { name?: unknown }).name;
      head += '; filename="' + partName(typeof file === 'string' && file !== '' ? file : 'blob') + '"';
      type = value.type || wanted || 'application/octet-stream';
      data = value;
    } else if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
      type = wanted && /json/.test(wanted) ? wanted : 'application/json';
      data = toJson(value);
    }
    parts.push('--' + boundary + '\r\n' + head + '\r\n' + (type ? 'Content-Type: ' + type + '\r\n' : '') + '\r\n', data, '\r\n');
  });
  parts.push('--' + boundary + '--\r\n');
  return { body: new Blob(parts), type: 'multipart/form-data; boundary=' + boundary };
}

function encodeBody(mediaType: string, body: unknown, encoding: OpSpec['encoding']): { body: BodyInit; type?: string } {
  if (mediaType === 'application/x-www-form-urlencoded') {
    const pairs: string[] = [];
    formPairs(body as object, encoding, (name, value) => {
      pairs.push(encodeURIComponent(name).replace(/%5B/g, '[').replace(/%5D/g, ']') + '=' + encodeURIComponent(formValue(value)));
    });
    return { body: pairs.join('&'), type: mediaType };
  }
  if (mediaType === 'multipart/form-data') return multipartBody(body as object, encoding);
  if (/json/.test(mediaType)) return { body: toJson(body), type: mediaType };
  return { body: body as BodyInit, type: mediaType };
}

/**
 * A request value with its int64 fields per 'shape' (the schema's request form) as bigints, so
 * toJson writes them as JSON numbers with every digit. Objects it changes are copied, never the
 * caller's. A value that is not an integer throws InvalidInt64Error, except under alternatives
 * ('m') that do not all agree: there it may belong to another alternative and is left as it is.
 */
function encodeInt64(value: unknown, shape: Shape | undefined, op: string, at: string, loose = false): unknown {
  if (shape === undefined || value === null || value === undefined) return value;
  if (shape === 'i') {
    if (typeof value === 'bigint') return value;
    if (typeof value === 'string' && /^-?\d+$/.test(value)) return BigInt(value);
    if (typeof value === 'number' && Number.isInteger(value)) return BigInt(value);
    if (loose) return value;
    throw new InvalidInt64Error(op, at, value);
  }
  if (shape.r !== undefined) return encodeInt64(value, SHAPES[shape.r], op, at, loose);
  if (shape.u) {
    let v: unknown = value;
    for (const s of shape.u) v = encodeInt64(v, s, op, at, loose || shape.m === 1);
    return v;
  }
  if (shape.l) return Array.isArray(value) ? value.map((x, i) => encodeInt64(x, shape.l, op, at + '[' + i + ']', loose)) : value;
  if (typeof value !== 'object' || Array.isArray(value)) return value;
  const obj = value as Record<string, unknown>;
  let copy: Record<string, unknown> | undefined;
  for (const k of Object.keys(obj)) {
    const s = shape.o?.[k] ?? shape.a;
    if (s === undefined) continue;
    const x = obj[k];
    const y = encodeInt64(x, s, op, at + '.' + k, loose);
    if (y !== x) {
      copy = copy ?? { ...obj };
      copy[k] = y;
    }
  }
  return copy ?? obj;
}

/** Int64 fields per 'shape' to string (or bigint); 'marked': the text went through markBigIntegers. */
function decodeInt64(value: unknown, shape: Shape | undefined, asBigint: boolean, marked = false): unknown {
  if (shape === undefined || value === null || value === undefined) return value;
  if (shape === 'i') {
    if (value instanceof BigNumber) return asBigint ? BigInt(value.source) : value.source;
    if (marked && typeof value === 'string' && value.charCodeAt(0) === 0 && value.charCodeAt(1) !== 0) return asBigint ? BigInt(value.slice(1)) : value.slice(1);
    if (typeof value === 'number' && Number.isInteger(value)) return asBigint ? BigInt(value) : Number.isSafeInteger(value) ? String(value) : BigInt(value).toString();
    if (asBigint && typeof value === 'string' && /^-?\d+$/.test(value)) return BigInt(value);
    return value;
  }
  if (shape.r !== undefined) return decodeInt64(value, SHAPES[shape.r], asBigint, marked);
  if (shape.u) {
    let v: unknown = value;
    for (const s of shape.u) v = decodeInt64(v, s, asBigint, marked);
    return v;
  }
  if (shape.l) return Array.isArray(value) ? value.map((x) => decodeInt64(x, shape.l, asBigint, marked)) : value;
  if (typeof value !== 'object' || Array.isArray(value)) return value;
  const obj = value as Record<string, unknown>;
  for (const k of Object.keys(obj)) {
    const s = shape.o?.[k] ?? shape.a;
    if (s !== undefined) obj[k] = decodeInt64(obj[k], s, asBigint, marked);
  }
  return obj;
}

function unbox(value: unknown): unknown {
  if (value instanceof BigNumber) return Number(value.source);
  if (value !== null && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    for (const k of Object.keys(obj)) obj[k] = unbox(obj[k]);
  }
  return value;
}

/** After decodeInt64 of marked text: the marks left (not int64 fields) become numbers, doubled U+0000 single. */
function unmark(value: unknown): unknown {
  if (typeof value === 'string') return value.charCodeAt(0) !== 0 ? value : value.charCodeAt(1) === 0 ? value.slice(1) : Number(value.slice(1));
  if (value === null || typeof value !== 'object') return value;
  const obj = value as Record<string, unknown>;
  for (const k of Object.keys(obj)) {
    const x = obj[k];
    if (typeof x === 'string' ? x.charCodeAt(0) === 0 : x !== null && typeof x === 'object') obj[k] = unmark(x);
  }
  return value;
}

/** Whether JSON.parse gives a reviver the number's source text (Node 21+, current browsers). */
const JSON_SOURCE_TEXT = (() => {
  let source: unknown;
  JSON.parse('1', ((_k: string, v: unknown, ctx?: { source?: string }) => {
    source = ctx?.source;
    return v;
  }) as (k: string, v: unknown) => unknown);
  return source === '1';
})();

/**
 * 16 digits in a row: the least an integer beyond 2^53 needs, so text without them is parsed as
 * is. Anchored on the character before the run, so a long run of shorter numbers is one pass.
 */
const SIXTEEN_DIGITS = /\D\d{16}|^\d{16}/;

/**
 * JSON with 64-bit integers intact: an integer literal beyond 2^53 keeps its digits until the
 * schema says what it is; int64 fields become strings (or bigints), the rest numbers. Where the
 * runtime gives the number's source text (Node 21+, current browsers) a reviver reads it;
 * elsewhere (Node 20) such literals are first rewritten as marked strings (see markBigIntegers).
 */
function parseJson(text: string, shape: Shape | undefined, asBigint: boolean): unknown {
  if (shape === undefined) return JSON.parse(text);
  if (!SIXTEEN_DIGITS.test(text)) return decodeInt64(JSON.parse(text), shape, asBigint);
  if (!JSON_SOURCE_TEXT) {
    const marked = markBigIntegers(text);
    if (marked === undefined) return decodeInt64(JSON.parse(text), shape, asBigint);
    return unmark(decodeInt64(JSON.parse(marked), shape, asBigint, true));
  }
  let boxed = false;
  const reviver = (_k: string, v: unknown, ctx?: { source?: string }) => {
    if (typeof v === 'number' && !Number.isSafeInteger(v) && ctx?.source !== undefined && /^-?\d+$/.test(ctx.source)) {
      boxed = true;
      return new BigNumber(ctx.source);
    }
    return v;
  };
  const parsed = JSON.parse(text, reviver as (k: string, v: unknown) => unknown);
  const decoded = decodeInt64(parsed, shape, asBigint);
  return boxed ? unbox(decoded) : decoded;
}

/**
 * For runtimes without source text: every integer literal of 16 or more digits outside strings
 * (fractions and exponents left alone) becomes the string U+0000 + its digits, which JSON.parse
 * keeps exactly. A string value that itself starts with U+0000 gets a second one first, so
 * decodeInt64 and unmark can tell the two apart. Undefined when there is no such literal.
 */
function markBigIntegers(text: string): string | undefined {
  const marked = markLiterals(text);
  if (marked === undefined || !text.includes('"\\u0000')) return marked;
  return markLiterals(escapeNulStrings(text));
}

function markLiterals(text: string): string | undefined {
  const digits = /(^|[^\d-])(-?\d{16,})/g;
  const parts: string[] = [];
  let copied = 0;
  let quote = text.indexOf('"');
  let quoteEnd = quote === -1 ? -1 : stringEnd(text, quote);
  for (let m = digits.exec(text); m !== null; m = digits.exec(text)) {
    const literal = m[2] as string;
    const at = m.index + (m[1] as string).length;
    while (quote !== -1 && quoteEnd <= at) {
      quote = text.indexOf('"', quoteEnd);
      quoteEnd = quote === -1 ? -1 : stringEnd(text, quote);
    }
    if (quote !== -1 && quote < at) {
      digits.lastIndex = quoteEnd;
      continue;
    }
    const end = at + literal.length;
    const before = text.charCodeAt(at - 1);
    const after = text.charCodeAt(end);
    // 46 '.', 101 'e', 69 'E', 43 '+': part of a fraction or an exponent.
    if (before === 46 || before === 101 || before === 69 || before === 43) continue;
    if (after === 46 || after === 101 || after === 69) continue;
    parts.push(text.slice(copied, at), '"\\u0000', literal, '"');
    copied = end;
  }
  if (parts.length === 0) return undefined;
  parts.push(text.slice(copied));
  return parts.join('');
}

/** The index just past the closing quote of the string starting at 'start'. */
function stringEnd(text: string, start: number): number {
  for (let i = text.indexOf('"', start + 1); i !== -1; i = text.indexOf('"', i + 1)) {
    let b = i - 1;
    while (text.charCodeAt(b) === 92) b--;
    if ((i - 1 - b) % 2 === 0) return i + 1;
  }
  return text.length;
}

/** Doubles the leading U+0000 of every string value (not key) that starts with one. */
function escapeNulStrings(text: string): string {
  const parts: string[] = [];
  let copied = 0;
  for (let q = text.indexOf('"'); q !== -1; ) {
    const end = stringEnd(text, q);
    if (text.startsWith('\\u0000', q + 1)) {
      let k = end;
      while (k < text.length && /\s/.test(text.charAt(k))) k++;
      if (text.charAt(k) !== ':') {
        parts.push(text.slice(copied, q + 1), '\\u0000');
        copied = q + 1;
      }
    }
    q = text.indexOf('"', end);
  }
  parts.push(text.slice(copied));
  return parts.join('');
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

function retryAfterMs(headers: Headers): number | undefined {
  const h = headers.get('retry-after');
  if (!h) return undefined;
  if (/^\d+$/.test(h.trim())) return Number(h.trim()) * 1000;
  const at = Date.parse(h);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

async function secret(s: Secret): Promise<string> {
  return typeof s === 'function' ? s() : s;
}

async function applyAuth(op: OpSpec, creds: Credentials | undefined, headers: Headers, query: string[], cookies: string[]): Promise<void> {
  if (!op.security || !creds) return;
  const have = creds as Record<string, unknown>;
  const choice = op.security.find((req) => req.every((name) => have[name] !== undefined));
  if (!choice) return;
  for (const name of choice) {
    const scheme = SCHEMES[name];
    const value = have[name];
    if (!scheme || value === undefined) continue;
    if (scheme[0] === 'basic') {
      const v = value as { username: string; password: string } | Secret;
      const raw = typeof v === 'object' ? btoa(v.username + ':' + v.password) : await secret(v);
      headers.set('authorization', 'Basic ' + raw);
    } else if (scheme[0] === 'bearer') {
      const token = await secret(value as Secret);
      headers.set('authorization', /^\w+ /.test(token) ? token : 'Bearer ' + token);
    } else {
      const v = await secret(value as Secret);
      if (scheme[1] === 'header') headers.set(scheme[2], v);
      else if (scheme[1] === 'query') query.push(encodeURIComponent(scheme[2]) + '=' + encodeURIComponent(v));
      else cookies.push(scheme[2] + '=' + encodeURIComponent(v));
    }
  }
}

type Input = { path?: object; query?: object; header?: object; cookie?: object; body?: unknown };

function createCaller(options: ClientOptions) {
  const base = (options.baseUrl ?? DEFAULT_BASE_URL).replace(/\/$/, '');
  return async function call(op: OpSpec, input: Input, init: RequestOptions = {}): Promise<unknown> {
    const bodyValue = op.bodyInt64 ? encodeInt64(input.body, op.bodyInt64, op.id, 'body') : input.body;
    let path = op.path;
    const query: string[] = [];
    const headers = new Headers(options.headers);
    const cookies: string[] = [];
    for (const spec of op.params) {
      const group = input[spec[0]] as Record<string, unknown> | undefined;
      const given = group?.[spec[1]];
      if (given === undefined) continue;
      const value = spec[5] ? encodeInt64(given, spec[5], op.id, spec[0] + '.' + spec[1]) : given;
      if (spec[0] === 'path') path = path.split('{' + spec[1] + '}').join(encodePath(spec, value));
      else if (spec[0] === 'query') encodeQuery(spec, value, query);
      else if (spec[0] === 'header') headers.set(spec[1], encodeHeader(spec, value));
      else cookies.push(spec[1] + '=' + encodeURIComponent(encodeHeader(spec, value)));
    }
    await applyAuth(op, options.credentials, headers, query, cookies);
    if (cookies.length > 0) headers.set('cookie', cookies.join('; '));
    for (const [k, v] of Object.entries(init.headers ?? {})) headers.set(k, v);
    let body: BodyInit | undefined;
    if (op.body !== undefined && bodyValue !== undefined) {
      const encoded = encodeBody(op.body, bodyValue, op.encoding);
      body = encoded.body;
      if (encoded.type && !headers.has('content-type')) headers.set('content-type', encoded.type);
    }
    const url = base + path + (query.length > 0 ? '?' + query.join('&') : '');
    const retry = init.retry === false || options.retry === false ? undefined : { ...options.retry, ...init.retry };
    const retries = retry && (IDEMPOTENT.has(op.method) || retry.retryNonIdempotent) ? (retry.retries ?? 2) : 0;
    const statuses = retry?.statuses ?? RETRY_STATUSES;
    const timeoutMs = init.timeoutMs ?? options.timeoutMs;
    const doFetch = options.fetch ?? ((u: string, i: RequestInit) => fetch(u, i));
    for (let attempt = 0; ; attempt++) {
      const controller = new AbortController();
      const onAbort = () => controller.abort(init.signal?.reason);
      if (init.signal?.aborted) throw init.signal.reason;
      init.signal?.addEventListener('abort', onAbort, { once: true });
      const timer = timeoutMs === undefined ? undefined : setTimeout(() => controller.abort(new DOMException('request timed out after ' + timeoutMs + ' ms', 'TimeoutError')), timeoutMs);
      let response: Response;
      try {
        response = await doFetch(url, { method: op.method, headers, body, signal: controller.signal });
      } catch (err) {
        clearTimeout(timer);
        init.signal?.removeEventListener('abort', onAbort);
        if (init.signal?.aborted || attempt >= retries) throw err;
        await sleep(backoff(retry, attempt), init.signal);
        continue;
      }
      clearTimeout(timer);
      init.signal?.removeEventListener('abort', onAbort);
      if (!response.ok && attempt < retries && statuses.includes(response.status)) {
        const after = retryAfterMs(response.headers);
        await response.body?.cancel();
        await sleep(Math.min(after ?? backoff(retry, attempt), retry?.maxDelayMs ?? 30000), init.signal);
        continue;
      }
      const data = await readBody(response, op);
      if (!response.ok) throw new ApiError(op.id, response.status, data, response.headers);
      return data;
    }
  };
}

function backoff(retry: RetryOptions | undefined, attempt: number): number {
  const min = retry?.minDelayMs ?? 300;
  const max = retry?.maxDelayMs ?? 30000;
  return Math.min(max, min * 2 ** attempt * (0.5 + Math.random() / 2));
}

async function readBody(response: Response, op: OpSpec): Promise<unknown> {
  if (response.status === 204 || response.status === 205 || op.method === 'HEAD') return undefined;
  const type = response.headers.get('content-type') ?? '';
  if (/json/.test(type)) {
    const text = await response.text();
    return text === '' ? undefined : parseJson(text, response.ok ? op.int64 : undefined, INT64_AS_BIGINT);
  }
  if (type.startsWith('text/') || /xml|x-www-form-urlencoded/.test(type)) return response.text();
  if (type === '') {
    const text = await response.text();
    return text === '' ? undefined : text;
  }
  return response.blob();
}
`,G=new Set("break case catch class const continue debugger default delete do else enum export extends false finally for function if import in instanceof new null return super switch this throw true try typeof var void while with as implements interface let package private protected public static yield any boolean number string symbol unknown never object bigint undefined type declare namespace module abstract async await constructor get set infer is keyof readonly require unique of satisfies accessor out global".split(" ")),B=new Set([...[...N.matchAll(/^export (?:declare )?(?:interface|type|class|function|const|let|enum) (\w+)/gm)].map(e=>e[1]),"Operations","OperationId","ApiClient","Credentials","Int64","createClient","decodeResponse","createMockClient","MockClient","MockHandlers","EXAMPLES","operationTests","schemas"]);function F(e){let t=e.split(/[^A-Za-z0-9]+/).filter(Boolean).map(e=>e[0].toUpperCase()+e.slice(1)).join("");return""===t&&(t="Schema"),/^[0-9]/.test(t)&&(t=`_${t}`),t}function V(e){const t=function(e){return e.replace(/([a-z0-9])([A-Z])/g,"$1 $2").split(/[^A-Za-z0-9]+/).filter(Boolean)}(e);if(0===t.length)return"operation";let n=t.map((e,t)=>0===t?e[0]?.toLowerCase()+e.slice(1):e[0].toUpperCase()+e.slice(1)).join("");return/^[0-9]/.test(n)&&(n=`_${n}`),G.has(n)&&(n=`${n}_`),n}function H(e){return function(e){return/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(e)}(e)?e:JSON.stringify(e)}function q(e,t=[]){const n=new Set(t),r=new Map,o=[...e].sort((e,t)=>e.priority-t.priority||(e.preferred<t.preferred?-1:e.preferred>t.preferred?1:0)||(e.key<t.key?-1:e.key>t.key?1:0));for(const e of o){let t=e.preferred;(j.has(t)||G.has(t)||B.has(t))&&(t=`${t}Model`);let o=t;for(let e=2;n.has(o);e++)o=`${t}${e}`;n.add(o),r.set(e.key,o)}return r}const W=["get","put","post","delete","options","head","patch","trace"],_=["properties","patternProperties","$defs","definitions","dependentSchemas"],U=["allOf","anyOf","oneOf","prefixItems"],K=["items","additionalProperties","not","if","then","else","contains","propertyNames","unevaluatedProperties","unevaluatedItems","additionalItems"],z=(e,t)=>`${e}#${t}`;function J(e,t,n,r){const o=L(e.spec,n,r);if(!o)return[];const i=z(o.file,o.pointer),a=t.mapping??{},s=[];for(const t of Object.keys(a).sort()){const n=a[t];if("string"!=typeof n)continue;const o=n.includes("/")||n.includes("#")?L(e.spec,n,r):L(e.spec,`#/components/schemas/${n}`,e.spec.root.path);o&&z(o.file,o.pointer)===i&&s.push(t)}if(s.length>0)return s;const c=e.named.get(i);return c?.specName?[c.specName]:[]}function X(e,t,n){const r=new Set,o=new Map;for(const i of e.named.values()){let a=!1;const s=(r,c)=>{if(!r||"object"!=typeof r||c>200)return;if(Array.isArray(r)){for(const e of r)s(e,c+1);return}const l=r;if("string"==typeof l.$ref){const t=L(e.spec,l.$ref,i.file);if(t){const e=z(t.file,t.pointer),n=o.get(e)??new Set;o.set(e,n),n.add(i.key)}if(n)return}t(l)&&(a=!0);for(const e in l){if("example"===e||"examples"===e||"enum"===e||"default"===e||"const"===e)continue;const t=l[e];t&&"object"==typeof t&&s(t,c+1)}};s(i.schema,0),a&&r.add(i.key)}return function(e,t){const n=new Set(e),r=[...e];for(;r.length>0;){const e=r.pop();for(const o of t.get(e)??[])n.has(o)||(n.add(o),r.push(o))}return n}(r,o)}function Y(e){const t=e.root,n=t.data,r=new Map,o=[],a=(t,n,r,o)=>{const a=e.files.get(n);throw new i.ShipkitError(t,{hint:o,location:{file:e.display(n),line:a?.lineOf(r)},details:[]})},s=(t,n,r)=>{"string"!=typeof t&&a("$ref must be a string",n,r,'Write `$ref: "#/components/..."`.');const o=L(e,t,n);return o||a(`$ref "${t}" points at nothing (at ${r||"/"})`,n,r,"Fix the reference or add the missing definition.")},c=(e,t,n)=>{let r={file:t,pointer:n,value:e};for(let e=0;e<64;e++){const e=r.value;if(!e||"object"!=typeof e||"string"!=typeof e.$ref)return r;r=s(e.$ref,r.file,`${r.pointer}/$ref`)}return a("$ref chain loops",t,n,"Break the cycle of references.")},l=(t,n)=>{if(null===t||"object"!=typeof t||Array.isArray(t))return;const r=t;if(void 0!==r.$ref){const t="string"==typeof r.$ref?L(e,r.$ref,n):void 0;p(t??s(r.$ref,n,`${((t,n)=>{const r=new Set,o=(e,t)=>{if(e===n)return t;if(e&&"object"==typeof e&&!r.has(e)){r.add(e);for(const n of Object.keys(e)){const r=o(e[n],`${t}/${w(n)}`);if(void 0!==r)return r}}};return o(e.files.get(t)?.data,"")??""})(n,r)}/$ref`))}for(const e of _){const t=r[e];if(t&&"object"==typeof t)for(const e in t)l(t[e],n)}for(const e of U){const t=r[e];if(Array.isArray(t))for(const e of t)l(e,n)}for(const e of K){const t=r[e];if(Array.isArray(t))for(const e of t)l(e,n);else t&&"object"==typeof t&&l(t,n)}const o=r.discriminator?.mapping;if(o)for(const t of Object.values(o))if("string"==typeof t&&(t.includes("#")||t.includes("/")||t.includes("."))){const r=L(e,t,n);r&&p(r)}},p=e=>{const t=z(e.file,e.pointer);r.has(t)||(r.set(t,{key:t,file:e.file,pointer:e.pointer,schema:e.value,specName:oe(e.file,e.pointer)}),l(e.value,e.file))};for(const[t,n]of e.files){const e=n.data?.components?.schemas;if(e&&"object"==typeof e)for(const n of Object.keys(e)){const r=`/components/schemas/${w(n)}`;p({file:t,pointer:r,value:e[n]})}}const u=[],d=new Map,m=n.paths??{},f=(e,t,n)=>{if(null!=e)return Array.isArray(e)&&!e.some(e=>!e||"object"!=typeof e||Array.isArray(e))||a("`security` must be a list of requirement objects",t,n,"Write `security: [{scheme: []}]` (`[]` for none)."),e.map(e=>Object.keys(e).sort())},y=f(n.security,t.path,"/security");for(const e of Object.keys(m)){const n=`/paths/${w(e)}`,r=c(m[e],t.path,n),i=r.value??{},s=i.parameters??[];for(const t of W){const n=i[t];if(!n||"object"!=typeof n)continue;const p=`${r.pointer}/${t}`,m=new Map,h=(e,t)=>{for(let n=0;n<e.length;n++){const o=c(e[n],r.file,`${t}/${n}`),i=re(o,a);l(i.schema,o.file),m.set(`${i.in}:${i.name}`,i)}};h(s,`${r.pointer}/parameters`),h(n.parameters??[],`${p}/parameters`);for(const n of Q(e))m.has(`path:${n}`)||(m.set(`path:${n}`,{name:n,in:"path",required:!0,style:"simple",explode:!1,schema:{type:"string"},file:r.file,json:!1}),o.push(`${t.toUpperCase()} ${e}: path parameter {${n}} is not declared; typed as string`));let g;if(!n.requestBody||"get"!==t&&"head"!==t){if(n.requestBody){const e=c(n.requestBody,r.file,`${p}/requestBody`),t=e.value,o=ne(t.content,!0);o&&(l(o.media.schema,e.file),g={mediaType:o.type,schema:o.media.schema??{},file:e.file,required:!0===t.required,example:Z(o.media),encoding:te(o.media.encoding)})}}else o.push(`${t.toUpperCase()} ${e}: its requestBody is ignored (GET and HEAD send none)`);const S=[],v=n.responses??{};for(const e of Object.keys(v).sort()){if(e.startsWith("x-"))continue;const t=c(v[e],r.file,`${p}/responses/${w(e)}`),n=ne(t.value?.content,!1);n&&l(n.media.schema,t.file),S.push({status:e,mediaType:n?.type,schema:n?n.media.schema??{}:void 0,file:t.file,example:n?Z(n.media):void 0})}n.callbacks&&o.push(`${t.toUpperCase()} ${e}: callbacks are not generated`);const b="string"==typeof n.operationId&&""!==n.operationId?n.operationId:`${t} ${e}`,E=f(n.security,r.file,`${p}/security`)??y??[],C={id:b,name:"",method:t.toUpperCase(),path:e,pointer:p,summary:"string"==typeof n.summary?n.summary:void 0,deprecated:!0===n.deprecated,params:[...m.values()],body:g,responses:S,security:E},T=d.get(b);T&&a(`duplicate operationId "${b}" (also on ${T.method} ${T.path})`,r.file,`${p}/operationId`,"Every operationId must be unique: rename one of them."),d.set(b,C),u.push(C)}}const h=t.path,g=q([...r.values()].map(e=>({key:e.key,preferred:F(e.specName),priority:e.file===h&&e.pointer.startsWith("/components/schemas/")?0:1}))),S=new Map;for(const e of r.values())S.set(e.key,{...e,name:g.get(e.key)});const v=q(u.map(e=>({key:`${e.method} ${e.path}`,preferred:V(e.id),priority:0})),B);for(const e of u)e.name=v.get(`${e.method} ${e.path}`);u.sort((e,t)=>e.name<t.name?-1:1);const b=[],E=n.components?.securitySchemes??{};for(const e of Object.keys(E).sort()){const n=c(E[e],t.path,`/components/securitySchemes/${w(e)}`),r=n.value;r&&"object"==typeof r||a(`securityScheme ${e} is not an object`,n.file,n.pointer,"Give it a `type:`."),"apiKey"===r.type?b.push({name:e,type:"apiKey",in:r.in??"header",paramName:String(r.name??e)}):"http"===r.type&&"basic"===String(r.scheme).toLowerCase()?b.push({name:e,type:"basic"}):"http"===r.type&&"bearer"!==String(r.scheme).toLowerCase()?(o.push(`securityScheme ${e}: http scheme "${r.scheme}" is sent as a raw Authorization value`),b.push({name:e,type:"bearer"})):b.push({name:e,type:"bearer"})}const C=n.info??{},T=n.servers??[];Array.isArray(T)||a("`servers` must be a list",t.path,"/servers","Write `servers: [{url: https://…}]`.");const k=T.map(e=>String(e?.url??"")).filter(Boolean);return{spec:e,title:String(C.title??"API"),version:String(C.version??""),servers:k,named:S,operations:u,securitySchemes:b,notes:o}}function Q(e){return[...e.matchAll(/\{([^}]+)\}/g)].map(e=>e[1])}function Z(e){if(void 0!==e.example)return e.example;const t=e.examples;if(t){const e=Object.keys(t).sort()[0],n=void 0===e?void 0:t[e];if(n&&"object"==typeof n&&"value"in n)return n.value}}const ee=/^application\/(.+\+)?json(;.*)?$|^\*\/\*$|^application\/x-ndjson/;function te(e){return e&&"object"==typeof e&&!Array.isArray(e)&&Object.keys(e).length>0?e:void 0}function ne(e,t){if(!e||"object"!=typeof e)return;const n=Object.keys(e).sort();if(0===n.length)return;const r=[e=>"application/json"===e,e=>ee.test(e)&&"*/*"!==e,e=>t&&"application/x-www-form-urlencoded"===e,e=>t&&"multipart/form-data"===e,e=>e.startsWith("text/"),()=>!0];for(const t of r){const r=n.find(t);if(void 0!==r)return{type:r,media:e[r]??{}}}}function re(e,t){const n=e.value;n&&"object"==typeof n||t("parameter is not an object",e.file,e.pointer,"Write `{name: …, in: query, schema: …}`.");const r=n.in;"path"!==r&&"query"!==r&&"header"!==r&&"cookie"!==r&&t(`parameter "${String(n.name)}" has in: ${JSON.stringify(r)}`,e.file,`${e.pointer}/in`,"Use path, query, header or cookie."),"string"!=typeof n.name&&t("parameter has no name",e.file,e.pointer,"Add `name:`.");let o=n.schema,i=!1;if(void 0===o&&n.content){const e=ne(n.content,!1);o=e?.media.schema,i=!0}const a=r,s="string"==typeof n.style?n.style:"query"===a||"cookie"===a?"form":"simple",c="boolean"==typeof n.explode?n.explode:"form"===s;return{name:n.name,in:a,required:"path"===a||!0===n.required,style:s,explode:c,schema:o??{},file:e.file,json:i}}function oe(e,t){const n=""===t?[]:t.slice(1).split("/").map(I);if(0===n.length)return(0,o.basename)(e,(0,o.extname)(e));const r=n[n.length-1];return n.length>=2&&["schemas","definitions","$defs","properties"].includes(n[n.length-2])?3===n.length&&"components"===n[0]?r:n.filter(e=>!["components","schemas","properties","content","schema"].includes(e)).join("-"):n.filter(e=>!["components","schemas","properties","content","schema","paths"].includes(e)).join("-")||r}function ie(e,t,n){const r=n.map(([e,t])=>`${JSON.stringify(e)}: ${JSON.stringify(t)}`);return`const ${e}: Record<string, ${t}> = JSON.parse(String.raw\`${(r.length>0?`{\n${r.join(",\n")}\n}`:"{}").replace(/`/g,"\\u0060").replace(/\$/g,"\\u0024")}\`);`}function ae(e,t,n,r){const o=e.params.slice().sort((e,t)=>e.in+e.name<t.in+t.name?-1:1).map(e=>{const n=r&&e.json?t.of(e.schema,e.file,0,"request"):void 0,o=n?[!0,n]:e.json?[!0]:[];return[e.in,e.name,e.style,e.explode,...o]}),i={id:e.name,method:e.method,path:e.path,params:o};e.body&&(i.body=e.body.mediaType);const a=e.body?function(e,t){if(!t||!/^(application\/x-www-form-urlencoded|multipart\/form-data)$/.test(e))return;const n={};for(const r of Object.keys(t).sort()){const o=t[r];if(!o||"object"!=typeof o)continue;const i="string"==typeof o.style||"boolean"==typeof o.explode,a="string"==typeof o.style?o.style:"form",s=[i?a:"","boolean"==typeof o.explode?o.explode:"form"===a];"string"==typeof o.contentType&&"multipart/form-data"===e&&s.push(o.contentType),(i||s.length>2)&&(n[r]=s)}return Object.keys(n).length>0?n:void 0}(e.body.mediaType,e.body.encoding):void 0;a&&(i.encoding=a);const s=new Set(n.securitySchemes.map(e=>e.name)),c=e.security.filter(e=>e.every(e=>s.has(e)));c.length>0&&(i.security=c);const l=e.responses.filter(e=>/^2/.test(e.status)&&e.mediaType&&/json/.test(e.mediaType)).map(e=>t.of(e.schema,e.file,0,"response")).filter(e=>void 0!==e);if(l.length>0&&(i.int64=1===l.length?l[0]:{u:l}),r&&e.body&&/json/.test(e.body.mediaType)){const n=t.of(e.body.schema,e.body.file,0,"request");n&&(i.bodyInt64=n)}return i}class se{reach;used=new Set;queue=[];model;constructor(e){this.model=e,this.reach=function(e){return X(e,e=>"int64"===e.format&&("integer"===e.type||Array.isArray(e.type)&&e.type.includes("integer")),!0)}(e)}of(e,t,n,r){if(!e||"object"!=typeof e||n>50)return;const o=e;if("string"==typeof o.$ref){const e=L(this.model.spec,o.$ref,t);if(!e)return;const n=z(e.file,e.pointer);if(!this.reach.has(n))return;const i=this.model.named.get(n),a="request"===r&&void 0!==i.requestName?"request":"response";return this.use(n,a),{r:"request"===a?i.requestName:i.name}}const i=Array.isArray(o.type)?o.type:[o.type];if(i.includes("integer")&&"int64"===o.format)return i.includes("string")?{u:["i"],m:1}:"i";const a=[];if(Array.isArray(o.allOf))for(const e of o.allOf){const o=this.of(e,t,n+1,r);o&&a.push(o)}for(const e of["oneOf","anyOf"]){const i=o[e];if(!Array.isArray(i))continue;const s=i.filter(e=>!(e&&"object"==typeof e&&"null"===e.type)).map(e=>this.of(e,t,n+1,r)),c=s.filter(e=>void 0!==e);if(0===c.length)continue;const l=e=>JSON.stringify(e)===JSON.stringify(c[0]),p=c.length===s.length&&(1===c.length||c.every(l));a.push(p?c[0]:{u:c,m:1})}if(o.items){const e=this.of(o.items,t,n+1,r);e&&a.push({l:e})}const s=o.additionalProperties&&"object"==typeof o.additionalProperties?this.of(o.additionalProperties,t,n+1,r):void 0,c={},l=o.properties??{};for(const e of Object.keys(l).sort()){const o=l[e],i="request"===r&&!!o&&"object"==typeof o&&!0===o.readOnly?void 0:this.of(o,t,n+1,r);(i||s)&&(c[e]=i??{})}return(Object.keys(c).length>0||s)&&a.push({...Object.keys(c).length>0?{o:c}:{},...s?{a:s}:{}}),0!==a.length?1===a.length?a[0]:{u:a}:void 0}use(e,t){const n=`${t} ${e}`;this.used.has(n)||(this.used.add(n),this.queue.push([e,t]))}table(){const e=new Map;for(let t=this.queue.pop();void 0!==t;t=this.queue.pop()){const[n,r]=t,o=this.model.named.get(n),i="request"===r?o.requestName:o.name;e.set(i,this.of(o.schema,o.file,0,r)??{})}return[...e.keys()].sort().map(t=>[t,e.get(t)])}}function ce(e){if(null===e||"object"!=typeof e)return JSON.stringify(e)??"null";if(Array.isArray(e))return`[${e.map(ce).join(",")}]`;return`{${Object.entries(e).map(([e,t])=>`${"__proto__"===e?'["__proto__"]':JSON.stringify(e)}:${ce(t)}`).join(",")}}`}function le(e,t=[]){if("number"==typeof e&&Number.isInteger(e)&&!Number.isSafeInteger(e))t.push(BigInt(e).toString());else if(null!==e&&"object"==typeof e)for(const n of Object.values(e))le(n,t);return t}var pe=n(5861);const ue=e=>null===e||["string","number","boolean"].includes(typeof e);class de{requestNames=new Map;notes=[];model;options;constructor(e,t){this.model=e,this.options=t;const n=function(e){return X(e,e=>{const t=e.properties;return!(!t||"object"!=typeof t)&&Object.values(t).some(e=>!!e&&"object"==typeof e&&(!0===e.readOnly||!0===e.writeOnly))},!1)}(e),r=[...e.named.values()].map(e=>e.name),o=q([...n].map(t=>({key:t,preferred:`${e.named.get(t).name}Request`,priority:0})),r);for(const[t,n]of o)this.requestNames.set(t,n),e.named.get(t).requestName=n}refName(e,t,n){const r=L(this.model.spec,e,t);if(!r)return"unknown";const o=z(r.file,r.pointer),i=this.model.named.get(o);return i?"request"===n&&this.requestNames.get(o)||i.name:"unknown"}render(e,t,n,r){if(!0===e||null==e)return"unknown";if(!1===e)return"never";if("object"!=typeof e||Array.isArray(e))return"unknown";const o=e;let i=this.core(o,t,n,r);return!0===o.nullable&&"unknown"!==i&&"null"!==i&&(i=`${me(i)} | null`),i}core(e,t,n,r){if("string"==typeof e.$ref){const o=this.refName(e.$ref,t,r),i=function(e){return["properties","allOf","oneOf","anyOf","items","additionalProperties"].some(t=>void 0!==e[t])}(e)?this.core({...e,$ref:void 0},t,n,r):void 0;return i&&"unknown"!==i?`${o} & ${me(i)}`:o}if("const"in e&&ue(e.const))return this.literal(e.const,e);if(Array.isArray(e.enum)&&e.enum.length>0){const t=e.enum.filter(ue);if(t.length===e.enum.length){return[...new Set(t.map(t=>this.literal(t,e)))].join(" | ")}}const o=[];Array.isArray(e.allOf)&&e.allOf.length>0&&o.push(e.allOf.map(e=>me(this.render(e,t,n,r))).join(" & "));const i=Array.isArray(e.oneOf)&&e.oneOf||Array.isArray(e.anyOf)&&e.anyOf||void 0;i&&i.length>0&&o.push(this.union(e,i,t,n,r)),void 0===e.not||0!==o.length||e.type||e.properties||this.notes.push("a `not` schema is typed as unknown"),void 0!==e.if&&this.notes.push("`if`/`then`/`else` are ignored (typed by the base schema)");const a=Array.isArray(e.type)?e.type:"string"==typeof e.type?[e.type]:[];if(a.length>0||e.properties||void 0!==e.additionalProperties||e.items){const i=a.length>0?a:e.items?["array"]:["object"],s=[...new Set(i.map(o=>this.typed(o,e,t,n,r)))],c=1===s.length?s[0]:s.map(me).join(" | ");o.length>0&&"Record<string, unknown>"===c||o.push(o.length>0?me(c):c)}return 0===o.length?"unknown":1===o.length?o[0]:o.map(me).join(" & ")}union(e,t,n,r,o){const i=e.discriminator,a="string"==typeof i?.propertyName?i.propertyName:void 0,s=t.map(e=>{const t=this.render(e,n,r,o);if(!a||!e||"object"!=typeof e||"string"!=typeof e.$ref)return me(t);const s=J(this.model,i,e.$ref,n);return 0===s.length?me(t):`(${me(t)} & { ${H(a)}: ${s.map(e=>JSON.stringify(e)).join(" | ")} })`});return[...new Set(s)].join(" | ")}literal(e,t){return"number"==typeof e&&"int64"===t.format&&Number.isInteger(e)?"bigint"===this.options.int64?`${e}n`:JSON.stringify(String(e)):JSON.stringify(e)}typed(e,t,n,r,o){switch(e){case"string":return"binary"===t.format?"Blob":"string";case"integer":return"int64"===t.format?this.options.int64:"number";case"number":return"number";case"boolean":return"boolean";case"null":return"null";case"array":if(Array.isArray(t.prefixItems)){const e=t.prefixItems.map(e=>this.render(e,n,r,o)),i=!1===t.items||void 0===t.items?"":`, ...${me(this.render(t.items,n,r,o))}[]`;return`[${e.join(", ")}${i}]`}return`${me(this.render(t.items,n,r,o))}[]`;case"object":return this.object(t,n,r,o);default:return this.notes.push(`unknown type "${e}" is typed as unknown`),"unknown"}}object(e,t,n,r){const o=e.properties??{},i=new Set(Array.isArray(e.required)?e.required:[]),a=`${n}  `,s=[];for(const e of Object.keys(o).sort()){const n=o[e];if(n&&"object"==typeof n){const e=n;if("request"===r&&!0===e.readOnly)continue;if("response"===r&&!0===e.writeOnly)continue}const c=i.has(e)?"":"?",l="response"===r&&n&&"object"==typeof n&&!0===n.readOnly?"readonly ":"";s.push(`${a}${l}${H(e)}${c}: ${this.render(n,t,a,r)};`)}const c=e.additionalProperties;let l;if(!0===c||c&&"object"==typeof c&&0===Object.keys(c).length?l="unknown":c&&"object"==typeof c?l=this.render(c,t,a,r):void 0!==c||0!==s.length||e.patternProperties||(l="unknown"),e.patternProperties&&(l="unknown"),0===s.length)return!1===c?"Record<string, never>":`Record<string, ${l??"unknown"}>`;const p=`{\n${s.join("\n")}\n${n}}`;return void 0===l?p:"unknown"===l?`{\n${s.join("\n")}\n${a}[key: string]: unknown;\n${n}}`:`${p} & Record<string, ${l}>`}declaration(e){const t=[],n=this.render(e.schema,e.file,"","response");t.push(`export type ${e.name} = ${n};`);const r=this.requestNames.get(e.key);r&&t.push(`/** ${e.name} as sent in a request: without its readOnly properties. */\nexport type ${r} = ${this.render(e.schema,e.file,"","request")};`);const o=e.schema;if(o&&"object"==typeof o&&Array.isArray(o.enum)&&!o.$ref){const n=o.enum.filter(e=>"string"==typeof e||"number"==typeof e);if(n.length>0&&n.length===o.enum.filter(e=>null!==e).length){const r=q(n.map(e=>({key:String(e),preferred:F(String(e)).replace(/^_/,"V"),priority:0}))),i=[...new Set(n)].map(e=>`  ${H(r.get(String(e)))}: ${this.literal(e,o)},`);t.push(`export const ${e.name} = {\n${i.join("\n")}\n} as const;`)}}return t.join("\n")}bodyType(e,t,n,r,o){if(void 0===e)return"undefined";if(/json/.test(e)||"*/*"===e)return this.render(t,n,r,o);if("application/x-www-form-urlencoded"===e||"multipart/form-data"===e)return this.render(t,n,r,o);const i=t;return e.startsWith("text/")||e.endsWith("xml")&&"string"===i?.type&&"binary"!==i.format?"string":"request"===o?"Blob | ArrayBuffer | Uint8Array | string":"Blob"}operation(e){const t="    ",n=[];for(const r of["path","query","header","cookie"]){const o=e.params.filter(e=>e.in===r).sort((e,t)=>e.name<t.name?-1:1);if(0===o.length)continue;const i=o.map(e=>`${t}    ${H(e.name)}${e.required?"":"?"}: ${this.render(e.schema,e.file,`${t}    `,"request")};`),a=o.some(e=>e.required);n.push(`${t}  ${r}${a?"":"?"}: {\n${i.join("\n")}\n${t}  };`)}if(e.body){const r=this.bodyType(e.body.mediaType,e.body.schema,e.body.file,`${t}  `,"request");n.push(`${t}  body${e.body.required?"":"?"}: ${r};`)}const r=e.responses.filter(e=>/^2/.test(e.status)),o=e.responses.filter(e=>"default"===e.status),i=r.length>0?r:o,s=this.unionOf(i.map(e=>this.responseType(e,`${t}  `))),c=e.responses.filter(e=>!/^2/.test(e.status)).map(e=>`{ status: ${/^\d{3}$/.test(e.status)?e.status:"number"}; body: ${this.responseType(e,`${t}  `)} }`),l=n.length>0?`{\n${n.join("\n")}\n${t}}`:"Record<string, never>";return[`  /** ${(0,a.pv)(`${e.method} ${e.path}${e.summary?` — ${e.summary.replace(/\s+/g," ").slice(0,120)}`:""}`)}${e.deprecated?" @deprecated":""} */`,`  ${H(e.name)}: {`,`${t}input: ${l};`,`${t}output: ${i.length>0?s:"unknown"};`,`${t}errors: ${c.length>0?[...new Set(c)].join(" | "):"never"};`,"  };"].join("\n")}responseType(e,t){return this.bodyType(e.mediaType,e.schema,e.file,t,"response")}unionOf(e){const t=[...new Set(e)];return 0===t.length?"unknown":t.map(me).join(" | ")}}function me(e){return/^[A-Za-z_$][\w$]*$/.test(e)||/^"[^"\\]*"$/.test(e)||/^-?\d+(\.\d+)?(e[+-]?\d+)?n?$/i.test(e)||e.startsWith("{")&&fe(e)===e.length-1||e.startsWith("Record<")&&fe(e.slice(6))===e.length-7||e.startsWith("(")&&fe(e)===e.length-1||e.startsWith("[")&&fe(e)===e.length-1?e:`(${e})`}function fe(e){let t=0,n=!1;for(let r=0;r<e.length;r++){const o=e[r];if(n)"\\"===o?r++:'"'===o&&(n=!1);else if('"'===o)n=!0;else if("{"===o||"("===o||"["===o||"<"===o)t++;else if(("}"===o||")"===o||"]"===o||">"===o)&&(t--,0===t))return r}return-1}var ye=n(4210);const he=e=>null===e||["string","number","boolean"].includes(typeof e);class ge{model;options;constructor(e,t){this.model=e,this.options=t}render(e,t,n){if(!1===e)return"z.never()";if(!e||"object"!=typeof e||Array.isArray(e))return"z.unknown()";const r=e,o=this.core(r,t,n);return!0===r.nullable&&"z.unknown()"!==o&&"z.null()"!==o?`${o}.nullable()`:o}ref(e,t){const n=L(this.model.spec,e,t),r=n?this.model.named.get(z(n.file,n.pointer)):void 0;return r?r.name:"z.unknown()"}value(e,t){return"number"==typeof e&&"int64"===t.format&&Number.isInteger(e)?"bigint"===this.options.int64?`${e}n`:JSON.stringify(String(e)):JSON.stringify(e)}literals(e,t){const n=[...new Set(e.map(e=>this.value(e,t)))];return 0===n.length?"z.never()":1===n.length?"null"===n[0]?"z.null()":`z.literal(${n[0]})`:`z.literal([${n.join(", ")}])`}union(e){const t=[...new Set(e)];return 0===t.length?"z.never()":1===t.length?t[0]:`z.union([${t.join(", ")}])`}core(e,t,n){if("string"==typeof e.$ref){const r=this.ref(e.$ref,t);return["properties","allOf","oneOf","anyOf","items"].some(t=>void 0!==e[t])?`z.intersection(${r}, ${this.core({...e,$ref:void 0},t,n)})`:r}if("const"in e&&he(e.const))return this.literals([e.const],e);if(Array.isArray(e.enum)&&e.enum.length>0&&e.enum.every(he))return this.literals(e.enum,e);const r=[];Array.isArray(e.allOf)&&e.allOf.length>0&&r.push(...e.allOf.map(e=>this.render(e,t,n)));const o=Array.isArray(e.oneOf)&&e.oneOf||Array.isArray(e.anyOf)&&e.anyOf||void 0;if(o&&o.length>0){const i=e.discriminator,a="string"==typeof i?.propertyName?i.propertyName:void 0;r.push(this.union(o.map(e=>{const r=this.render(e,t,n);if(!a||!e||"object"!=typeof e||"string"!=typeof e.$ref)return r;const o=J(this.model,i,e.$ref,t);return 0===o.length?r:`z.intersection(${r}, z.object({ ${H(a)}: ${this.literals(o,{})} }))`})))}const i=Array.isArray(e.type)?e.type:"string"==typeof e.type?[e.type]:[];if(i.length>0||e.properties||void 0!==e.additionalProperties||e.items){const o=i.length>0?i:e.items?["array"]:["object"],a=this.union(o.map(r=>this.typed(r,e,t,n)));r.length>0&&"z.record(z.string(), z.unknown())"===a||r.push(a)}return 0===r.length?"z.unknown()":r.reduce((e,t)=>`z.intersection(${e}, ${t})`)}typed(e,t,n,r){switch(e){case"string":return"binary"===t.format?"z.instanceof(Blob)":"z.string()";case"integer":return"int64"===t.format?"bigint"===this.options.int64?"z.bigint()":"z.string().regex(/^-?\\d+$/)":"z.number().int()";case"number":return"z.number()";case"boolean":return"z.boolean()";case"null":return"z.null()";case"array":if(Array.isArray(t.prefixItems)){const e=t.prefixItems.map(e=>this.render(e,n,r)).join(", "),o=!1===t.items||void 0===t.items?"":`, ${this.render(t.items,n,r)}`;return o?`z.tuple([${e}]${o})`:`z.tuple([${e}])`}return`z.array(${this.render(t.items,n,r)})`;case"object":return this.object(t,n,r);default:return"z.unknown()"}}object(e,t,n){const r=e.properties??{},o=new Set(Array.isArray(e.required)?e.required:[]),i=`${n}  `,a=[];for(const e of Object.keys(r).sort()){const n=r[e];if(n&&"object"==typeof n&&!0===n.writeOnly)continue;const s=this.render(n,t,i);a.push(`${i}${H(e)}: ${o.has(e)?s:`${s}.optional()`},`)}const s=e.additionalProperties;let c;if(!0===s||s&&"object"==typeof s&&0===Object.keys(s).length?c="z.unknown()":s&&"object"==typeof s?c=this.render(s,t,i):void 0!==s||0!==a.length||e.patternProperties||(c="z.unknown()"),e.patternProperties&&(c="z.unknown()"),0===a.length)return!1===s?"z.record(z.string(), z.never())":`z.record(z.string(), ${c??"z.unknown()"})`;const l=`z.object({\n${a.join("\n")}\n${n}})`;return void 0===c?l:`${l}.catchall(${c})`}}async function Se(e,t,n=process.cwd()){try{return function(e,t){const n=Y(e),i=function(e){const t=(0,r.createHash)("sha256");for(const n of[...e.files.keys()].sort())t.update((0,o.relative)(e.root.path,n)),t.update(ve(e.files.get(n).data));return t.digest("hex")}(e),s=(0,o.basename)(e.root.path),c=[`// ${(0,a.Gi)(`Generated by shipkit codegen from ${s} (${n.title}${n.version?` ${n.version}`:""}).`)}`,`// Spec sha256:${i.slice(0,16)}. Do not edit: run \`shipkit codegen openapi\` to regenerate.`,"/* eslint-disable */",""].join("\n"),l=new de(n,t),p=[...n.named.values()].sort((e,t)=>e.name<t.name?-1:1).map(e=>l.declaration(e)),u=n.operations.map(e=>l.operation(e)),d=[c,p.join("\n\n"),"","/** Every operation: its input (path, query, header, cookie, body), output and documented errors. */",`export interface Operations {${u.length>0?`\n${u.join("\n")}\n`:""}}`,"","export type OperationId = keyof Operations;",""].join("\n"),m=new Map;m.set("types.ts",d),m.set("client.ts",function(e,t,n){const r=new se(e),o=[n,"import type * as T from './types.js';","","export type { Operations } from './types.js';",""],i=e.servers[0]??"";o.push(`const DEFAULT_BASE_URL = ${(0,a.Hg)(i)};`),o.push(`const INT64_AS_BIGINT = ${"bigint"===t.int64};`),o.push(""),o.push("/** Credentials by security scheme name (from the spec's securitySchemes). */");const s=e.securitySchemes.map(e=>{const t="basic"===e.type?"{ username: string; password: string } | Secret":"Secret",n="apiKey"===e.type?`API key sent in ${e.in} ${(0,a.Hg)(e.paramName)}`:"basic"===e.type?"HTTP basic":"bearer token";return`  /** ${(0,a.pv)(n)} */\n  ${H(e.name)}?: ${t};`});o.push(s.length>0?`export interface Credentials {\n${s.join("\n")}\n}`:"export type Credentials = Record<string, never>;"),o.push("");const c=e.securitySchemes.map(e=>{const t="apiKey"===e.type?`['apiKey', ${(0,a.Hg)(e.in)}, ${(0,a.Hg)(e.paramName)}]`:`['${e.type}']`;return`  ${H(e.name)}: ${t},`});o.push(`const SCHEMES: Record<string, SchemeSpec> = {${c.length>0?`\n${c.join("\n")}\n`:""}};`),o.push("");const l="string"===t.int64,p=e.operations.map(t=>[t.name,ae(t,r,e,l)]);return o.push(ie("SHAPES","Shape",r.table())),o.push(""),o.push(N.trim()),o.push(""),o.push(ie("OPERATIONS","OpSpec",p)),o.push(""),o.push("type In<K extends keyof T.Operations> = T.Operations[K]['input'];"),o.push("type Out<K extends keyof T.Operations> = Promise<T.Operations[K]['output']>;"),o.push(""),o.push("/** One method per operation (documented on `Operations`); input optional when nothing in it is required. */"),o.push("export type ApiClient = {"),o.push("  [K in keyof T.Operations]: Record<string, never> extends In<K>"),o.push("    ? (input?: In<K>, init?: RequestOptions) => Out<K>"),o.push("    : (input: In<K>, init?: RequestOptions) => Out<K>;"),o.push("};"),o.push(""),o.push("/** A client with one method per operation. Errors: ApiError (see isApiError). */"),o.push("export function createClient(options: ClientOptions = {}): ApiClient {"),o.push("  const call = createCaller(options);"),o.push("  const client: Record<string, (input?: Input, init?: RequestOptions) => Promise<unknown>> = {};"),o.push("  for (const [id, op] of Object.entries(OPERATIONS)) client[id] = (input = {}, init) => call(op, input, init);"),o.push("  return client as unknown as ApiClient;"),o.push("}"),o.push(""),o.push("/** A parsed 2xx JSON body of 'operation' as the client returns it: int64 fields as string or bigint. mocks.ts answers through it. */"),o.push("export function decodeResponse<K extends keyof T.Operations>(operation: K, body: unknown): T.Operations[K]['output'] {"),o.push("  return decodeInt64(body, OPERATIONS[operation as string]?.int64, INT64_AS_BIGINT) as T.Operations[K]['output'];"),o.push("}"),`${o.join("\n")}\n`}(n,t,c));const f=[c,"export * from './types.js';","export * from './client.js';"];t.zod&&m.set("schemas.ts",function(e,t,n){const r=new ge(e,t),o=[n,"import { z } from 'zod';","import type * as T from './types.js';","","/**"," * A zod schema whose parse result is a T. `satisfies Parses<T.X>` is the proof that schema X agrees"," * with type X; `as never` then hands the proved schema to its `z.ZodType<T.X>` annotation without"," * a second comparison of zod's classes, which costs tsc far more and proves nothing more."," */","type Parses<T> = { _zod: { output: T } };",""];for(const t of[...e.named.values()].sort((e,t)=>e.name<t.name?-1:1)){const e=r.render(t.schema,t.file,"");o.push(`export const ${t.name}: z.ZodType<T.${t.name}> = z.lazy(() => ${e}) satisfies Parses<T.${t.name}> as never;`),o.push("")}return`${o.join("\n").trimEnd()}\n`}(n,t,c));if(t.mocks){for(const[e,t]of function(e,t){const n=[];for(const t of e.operations){const r=t.responses.find(e=>/^2/.test(e.status)&&void 0!==e.example);if(r){n.push(`  ${H(t.name)}: ${ce(r.example)},`);for(const n of le(r.example))e.notes.push(`${t.method} ${t.path}: response example integer ${n} is beyond 2^53; the spec parser may have rounded it (write it as a string to keep every digit)`)}}const r=`${t}import { type ApiClient, decodeResponse } from './client.js';\nimport type { Operations } from './types.js';\n\n/** Response examples as written in the spec, by operation (the mock answers them decoded like a response). */\nexport const EXAMPLES: Partial<Record<keyof Operations, unknown>> = {${n.length>0?`\n${n.join("\n")}\n`:""}};\n\nexport type MockHandlers = {\n  [K in keyof Operations]?: (input: Operations[K]['input']) => Operations[K]['output'] | Promise<Operations[K]['output']>;\n};\n\nexport type MockClient = ApiClient & { calls: { operation: keyof Operations; input: unknown }[] };\n\n/** A fake ApiClient: answers from \`handlers\`, else from the spec's example (a fresh copy, int64 fields as the client returns them). */\nexport function createMockClient(handlers: MockHandlers = {}): MockClient {\n  const calls: MockClient['calls'] = [];\n  const target = { calls };\n  return new Proxy(target, {\n    get(t, key) {\n      if (key === 'calls') return t.calls;\n      if (typeof key !== 'string') return undefined;\n      const operation = key as keyof Operations;\n      return async (input: unknown = {}) => {\n        calls.push({ operation, input });\n        const handler = handlers[operation] as ((i: unknown) => unknown) | undefined;\n        if (handler) return handler(input);\n        if (operation in EXAMPLES) return decodeResponse(operation, structuredClone(EXAMPLES[operation]));\n        throw new Error('mock: no example for ' + operation + '; pass a handler to createMockClient');\n      };\n    },\n  }) as unknown as MockClient;\n}\n`,o=e.operations.map(e=>{const t=(0,a.Hg)(e.name),n=e.responses.some(e=>/^2/.test(e.status)&&void 0!==e.example);return[`  /** ${(0,a.pv)(`${e.method} ${e.path}`)} */`,`  async ${H(e.name)}(): Promise<void> {`,n?"    const client = createMockClient();":`    const client = createMockClient({ ${H(e.name)}: () => { throw new Error(${(0,a.Hg)(`TODO: answer ${e.name}`)}); } });`,`    const input = {} as Operations[${t}]['input']; // TODO: the input under test`,`    const output = await client${/^[A-Za-z_$][\w$]*$/.test(e.name)?`.${e.name}`:`[${t}]`}(input);`,`    assert(client.calls.length === 1 && client.calls[0]?.operation === ${t}, 'called once');`,"    void output; // TODO: assert on the output","  },"].join("\n")}),i=`${t}// A test template per operation, answered by the mock client: copy the cases you need into your\n// test runner (vitest, jest, node:test) and fill in the TODOs.\nimport { createMockClient } from './mocks.js';\nimport type { Operations } from './types.js';\n\nfunction assert(condition: boolean, message: string): asserts condition {\n  if (!condition) throw new Error(message);\n}\n\nexport const operationTests = {${o.length>0?`\n${o.join("\n")}\n`:""}};\n`;return new Map([["mocks.ts",r],["mocks.test-template.ts",i]])}(n,c))m.set(e,t);f.push("export * from './mocks.js';")}m.set("index.ts",`${f.join("\n")}\n`);const y=(0,pe.eh)(n,l);m.set("api-summary.json",`${JSON.stringify(y,null,2)}\n`),m.set(ye.tl,(0,ye.U7)(s,i));const h=[...new Set([...n.notes,...l.notes])].sort();return{files:m,model:n,notes:h,hash:i,summary:y}}(await M(e,n,t.refs),t)}catch(t){if(!(t instanceof RangeError&&t.message.includes("call stack")))throw t;throw new i.ShipkitError("the spec nests too deep to generate (the call stack ran out)",{hint:"Name deeply nested schemas under components.schemas and point at them with $ref.",location:{file:e}})}}function ve(e){return JSON.stringify(e,(e,t)=>{if(null===t||"object"!=typeof t||Array.isArray(t))return t;const n=Object.keys(t);let r=!0;for(let e=1;e<n.length&&r;e++)n[e-1]>n[e]&&(r=!1);if(r)return t;const o={};for(const e of n.sort())o[e]=t[e];return o})}},5861:(e,t,n)=>{n.d(t,{Ak:()=>a,KH:()=>l,O1:()=>u,eh:()=>c});var r=n(7598),o=n(6921),i=n(7057);const a=o.Ikc({operations:o.g1P(o.YjP(),o.Ikc({method:o.YjP(),path:o.YjP(),params:o.g1P(o.YjP(),o.YjP()),body:o.YjP().optional(),output:o.YjP()})),schemas:o.g1P(o.YjP(),o.Ikc({type:o.YjP(),props:o.g1P(o.YjP(),o.YjP()).optional()}))}),s=e=>(0,r.createHash)("sha256").update(e).digest("hex").slice(0,12);function c(e,t){const n={};for(const r of e.operations){const e={};for(const n of[...r.params].sort((e,t)=>e.in+e.name<t.in+t.name?-1:1))e[`${n.in}:${n.name}`]=`${n.required?"required":"optional"} ${s(t.render(n.schema,n.file,"","request"))}`;const o=r.responses.filter(e=>/^2/.test(e.status)).map(e=>t.bodyType(e.mediaType,e.schema,e.file,"","response")).join(" | ");n[r.name]={method:r.method,path:r.path,params:e,...r.body?{body:`${r.body.required?"required":"optional"} ${s(t.bodyType(r.body.mediaType,r.body.schema,r.body.file,"","request"))}`}:{},output:s(o)}}const r={};for(const n of[...e.named.values()].sort((e,t)=>e.name<t.name?-1:1)){const e=n.schema,o={type:s(t.render(n.schema,n.file,"","response"))};if(e&&"object"==typeof e&&e.properties&&"object"==typeof e.properties){const r=new Set(Array.isArray(e.required)?e.required:[]),i={};for(const o of Object.keys(e.properties).sort())i[o]=`${r.has(o)?"required":"optional"} ${s(t.render(e.properties[o],n.file,"","response"))}`;o.props=i}r[n.name]=o}return{operations:n,schemas:r}}function l(e,t){const n=[];for(const r of p(e.operations,t.operations)){const o=e.operations[r],i=t.operations[r];if(!o&&i)n.push({kind:"operation",what:r,change:"added",breaking:!1,detail:`${i.method} ${i.path}`});else if(o&&!i)n.push({kind:"operation",what:r,change:"removed",breaking:!0,detail:`${o.method} ${o.path}`});else if(o&&i){o.method===i.method&&o.path===i.path||n.push({kind:"operation",what:r,change:"changed",breaking:!0,detail:`${o.method} ${o.path} → ${i.method} ${i.path}`});for(const e of p(o.params,i.params)){const t=o.params[e],a=i.params[e],s=`${r} ${e}`;if(!t&&a)n.push({kind:"parameter",what:s,change:"added",breaking:a.startsWith("required"),detail:a.split(" ")[0]});else if(t&&!a)n.push({kind:"parameter",what:s,change:"removed",breaking:!0,detail:"callers that pass it no longer compile"});else if(t!==a){const e=a?.startsWith("required")&&t?.startsWith("optional"),r=t?.split(" ")[1]!==a?.split(" ")[1];n.push({kind:"parameter",what:s,change:"changed",breaking:Boolean(e||r),detail:e?"now required":r?"type changed":"now optional"})}}o.body!==i.body&&n.push({kind:"body",what:r,change:o.body?i.body?"changed":"removed":"added",breaking:Boolean(i.body?.startsWith("required")||o.body&&i.body),detail:"request body"}),o.output!==i.output&&n.push({kind:"response",what:r,change:"changed",breaking:!0,detail:"response type changed"})}}for(const r of p(e.schemas,t.schemas)){const o=e.schemas[r],i=t.schemas[r];if(!o&&i)n.push({kind:"schema",what:r,change:"added",breaking:!1,detail:""});else if(o&&!i)n.push({kind:"schema",what:r,change:"removed",breaking:!0,detail:"code that imports it no longer compiles"});else if(o&&i&&o.type!==i.type)if(o.props&&i.props)for(const e of p(o.props,i.props)){const t=o.props[e],a=i.props[e],s=`${r}.${e}`;!t&&a?n.push({kind:"property",what:s,change:"added",breaking:a.startsWith("required"),detail:a.split(" ")[0]}):t&&!a?n.push({kind:"property",what:s,change:"removed",breaking:!0,detail:""}):t!==a&&n.push({kind:"property",what:s,change:"changed",breaking:t?.split(" ")[1]!==a?.split(" ")[1]||Boolean(a?.startsWith("required")),detail:t?.split(" ")[1]!==a?.split(" ")[1]?"type changed":"required"===a?.split(" ")[0]?"now required":"now optional"})}else n.push({kind:"schema",what:r,change:"changed",breaking:!0,detail:"type changed"})}return n}function p(e,t){return[...new Set([...Object.keys(e),...Object.keys(t)])].sort()}function u(e,t){if(0===t.length)return`**${e}**: the API is unchanged (only the generated text differs).\n`;const n=(e,n)=>t.filter(t=>t.kind===e&&t.change===n).length,r=t.filter(e=>e.breaking),o=[`**${e}**: ${n("operation","added")} operations added, ${n("operation","removed")} removed; ${t.filter(e=>"parameter"===e.kind).length} parameter changes; ${t.filter(e=>"schema"===e.kind||"property"===e.kind).length} schema changes; **${r.length} breaking** for clients.`,"","| | change | where | detail |","|---|---|---|---|"],a=[...t].sort((e,t)=>Number(t.breaking)-Number(e.breaking));for(const e of a.slice(0,200))o.push(`| ${e.breaking?"⚠️ breaking":""} | ${e.kind} ${e.change} | ${(0,i.D9)(e.what)} | ${(0,i.UZ)(e.detail)} |`);return a.length>200&&o.push(`| | … | ${a.length-200} more | |`),`${o.join("\n")}\n`}},4210:(e,t,n)=>{n.d(t,{U7:()=>p,fx:()=>l,mg:()=>u,tl:()=>s});var r=n(1455),o=n(6760),i=n(3916),a=n(230);const s=".shipkit-codegen.json",c="shipkit codegen",l=["types.ts","client.ts","index.ts","mocks.ts","mocks.test-template.ts","schemas.ts","api-summary.json",s];function p(e,t){return`${JSON.stringify({generator:c,spec:e,sha256:t},null,2)}\n`}async function u(e,t,n){const p=(0,o.resolve)(e);await async function(e,t){const n=n=>new i.ShipkitError(`refusing to replace ${(0,o.relative)(t.cwd,e)||"."}: ${n}`,{hint:"Choose an empty or new directory for --out (shipkit replaces it whole on every run).",location:{file:(0,o.relative)(t.cwd,e)||"."}}),a=(0,o.resolve)(t.cwd);if(d(a,e))throw n("it is the working directory or holds it");for(const r of t.specFiles)if(d((0,o.resolve)(r),e))throw n(`it holds the spec ${(0,o.relative)(t.cwd,r)}`);const p=await(0,r.lstat)(e).catch(()=>{});if(!p)return;if(p.isSymbolicLink())throw n("it is a symbolic link");if(!p.isDirectory())throw n("it is not a directory");const u=await(0,r.readdir)(e);if(u.includes(".git"))throw n("it is the root of a git repository");if(0===u.length)return;if(u.includes(s)&&await async function(e){const t=await(0,r.lstat)(e).catch(()=>{});if(!t?.isFile()||t.size>4096)return!1;try{const t=JSON.parse(await(0,r.readFile)(e,"utf8"));return t?.generator===c}catch{return!1}}((0,o.join)(e,s)))return;if(await async function(e,t){if(!t.includes("types.ts")||t.some(e=>!l.includes(e)))return!1;if(!(await(0,r.lstat)((0,o.join)(e,"types.ts"))).isFile())return!1;const n=await(0,r.open)((0,o.join)(e,"types.ts"),"r");try{const{buffer:e,bytesRead:t}=await n.read(Buffer.alloc(64),0,64,0);return e.subarray(0,t).toString("utf8").startsWith(`// Generated by ${c} from `)}finally{await n.close()}}(e,u))return;const m=u.find(e=>!l.includes(e))??u[0];throw n(`it holds files shipkit did not write (${m}) and no ${s}, the file shipkit leaves in its output`)}(p,n),await(0,a.n)(p,t)}function d(e,t){return e===t||e.startsWith(t.endsWith(o.sep)?t:`${t}${o.sep}`)}},230:(e,t,n)=>{n.d(t,{a:()=>c,n:()=>u,writeFileAtomic:()=>s});var r=n(7598),o=n(1455),i=n(6760),a=n(3916);async function s(e,t){await c((0,i.dirname)(e),[[(0,i.basename)(e),t]])}async function c(e,t){const n=[...t].map(([t,n])=>({dest:p(e,t),content:n})),a=(0,r.randomBytes)(6).toString("hex"),s=[],c=[];try{for(const[e,{dest:t,content:r}]of n.entries()){const n=await(0,o.mkdir)((0,i.dirname)(t),{recursive:!0});n&&s.push(n);const l=(0,i.join)((0,i.dirname)(t),`.shipkit-${a}-${e}.tmp`);if(c.push({dest:t,tmp:l,replaced:!1}),await(0,o.writeFile)(l,r),(await(0,o.lstat)(t).catch(()=>{}))?.isDirectory())throw Object.assign(new Error(`EISDIR: a directory is in the way of ${t}`),{code:"EISDIR"})}if(c.length>1)for(const e of c)await l(e);for(const e of c)await(0,o.rename)(e.tmp,e.dest),e.replaced=!0}catch(e){throw await async function(e,t){for(const t of e.slice().reverse())t.replaced?t.backup?await(0,o.rename)(t.backup,t.dest).catch(()=>{}):await(0,o.rm)(t.dest,{force:!0}):t.backup&&await(0,o.rm)(t.backup,{force:!0}),await(0,o.rm)(t.tmp,{force:!0});for(const e of t.reverse())await(0,o.rm)(e,{recursive:!0,force:!0})}(c,s),e}await Promise.all(c.map(e=>e.backup?(0,o.rm)(e.backup,{force:!0}):void 0))}async function l(e){if(!await(0,o.lstat)(e.dest).catch(()=>{}))return;const t=`${e.tmp.slice(0,-4)}.bak`;await(0,o.link)(e.dest,t).catch(()=>(0,o.copyFile)(e.dest,t)),e.backup=t}function p(e,t){const n=(0,i.resolve)(e,t),r=(0,i.relative)((0,i.resolve)(e),n);if(""===r||".."===r.split(i.sep)[0]||(0,i.isAbsolute)(r))throw new a.ShipkitError(`refusing to write ${JSON.stringify(t)}: it is outside ${e}`,{hint:"Paths of written files are relative to their directory and stay inside it.",location:{file:t}});return n}async function u(e,t){const n=(0,i.dirname)(e);await(0,o.mkdir)(n,{recursive:!0});const a=(0,r.randomBytes)(6).toString("hex"),s=(0,i.join)(n,`.shipkit-${a}.tmp`),c=(0,i.join)(n,`.shipkit-${a}.old`);try{await(0,o.mkdir)(s);const n=[...t].sort(([e],[t])=>e<t?-1:1);for(const[e,t]of n){const n=p(s,e);await(0,o.mkdir)((0,i.dirname)(n),{recursive:!0}),await(0,o.writeFile)(n,t)}const r=await(0,o.lstat)(e).then(()=>!0,()=>!1);r&&await(0,o.rename)(e,c);try{await(0,o.rename)(s,e)}catch(t){throw r&&await(0,o.rename)(c,e),t}await(0,o.rm)(c,{recursive:!0,force:!0})}finally{await(0,o.rm)(s,{recursive:!0,force:!0})}}},7057:(e,t,n)=>{n.d(t,{D9:()=>l,Gi:()=>i,Hg:()=>c,OT:()=>s,UZ:()=>p,pv:()=>a});const r=/\r\n|[\n\r\u2028\u2029\u0085]/g,o=/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;function i(e){return String(e??"").replace(r," ").replace(o," ")}function a(e){return i(e).replace(/\*\//g,"*\\/")}function s(e){return(JSON.stringify(e??null)??"null").replace(/</g,"\\u003c").replace(/>/g,"\\u003e").replace(/&/g,"\\u0026").replace(/\u2028/g,"\\u2028").replace(/\u2029/g,"\\u2029")}function c(e){return JSON.stringify(String(e??"")).replace(/\u2028/g,"\\u2028").replace(/\u2029/g,"\\u2029")}function l(e){const t=i(e).replace(/\|/g,"\\|"),n=Math.max(0,...[...t.matchAll(/`+/g)].map(e=>e[0].length)),r="`".repeat(n+1),o=t.startsWith("`")||t.endsWith("`")?" ":"";return`${r}${o}${t}${o}${r}`}function p(e){return i(e).replace(/&/g,"&amp;").replace(/</g,"&lt;").replace(/>/g,"&gt;").replace(/\|/g,"\\|")}}};