// Global names of TypeScript's ES and DOM libraries (from typescript 5.9 lib/*.d.ts) plus Node's:
// a generated type never takes one of these names, so it never shadows a global in user code.
// Regenerate: grep the top-level declarations of lib.dom.d.ts, lib.es*.d.ts, lib.esnext*.d.ts.
const NAMES =
  'ANGLE_instanced_arrays ARIAMixin AbortController AbortSignal AbortSignalEventMap AbstractRange ' +
  'AbstractWorker AbstractWorkerEventMap ActiveXObject AddEventListenerOptions AddressErrors ' +
  'AesCbcParams AesCtrParams AesDerivedKeyParams AesGcmParams AesKeyAlgorithm AesKeyGenParams ' +
  'AggregateError AggregateErrorConstructor Algorithm AlgorithmIdentifier AlignSetting ' +
  'AllowSharedBufferSource AlphaOption AnalyserNode AnalyserOptions Animatable Animation ' +
  'AnimationEffect AnimationEvent AnimationEventInit AnimationEventMap AnimationFrameProvider ' +
  'AnimationPlayState AnimationPlaybackEvent AnimationPlaybackEventInit AnimationReplaceState ' +
  'AnimationTimeline AppendMode Array ArrayBuffer ArrayBufferConstructor ArrayBufferLike ' +
  'ArrayBufferTypes ArrayBufferView ArrayConstructor ArrayIterator ArrayLike AssignedNodesOptions ' +
  'AsyncDisposable AsyncDisposableStack AsyncDisposableStackConstructor AsyncGenerator ' +
  'AsyncGeneratorFunction AsyncGeneratorFunctionConstructor AsyncIterable AsyncIterableIterator ' +
  'AsyncIterator AsyncIteratorObject Atomics AttestationConveyancePreference Attr Audio AudioBuffer ' +
  'AudioBufferOptions AudioBufferSourceNode AudioBufferSourceOptions AudioConfiguration AudioContext ' +
  'AudioContextLatencyCategory AudioContextOptions AudioContextState AudioData AudioDataCopyToOptions ' +
  'AudioDataInit AudioDataOutputCallback AudioDecoder AudioDecoderConfig AudioDecoderEventMap ' +
  'AudioDecoderInit AudioDecoderSupport AudioDestinationNode AudioEncoder AudioEncoderConfig ' +
  'AudioEncoderEventMap AudioEncoderInit AudioEncoderSupport AudioListener AudioNode AudioNodeOptions ' +
  'AudioParam AudioParamMap AudioProcessingEvent AudioProcessingEventInit AudioSampleFormat ' +
  'AudioScheduledSourceNode AudioScheduledSourceNodeEventMap AudioTimestamp AudioWorklet ' +
  'AudioWorkletNode AudioWorkletNodeEventMap AudioWorkletNodeOptions ' +
  'AuthenticationExtensionsClientInputs AuthenticationExtensionsClientInputsJSON ' +
  'AuthenticationExtensionsClientOutputs AuthenticationExtensionsLargeBlobInputs ' +
  'AuthenticationExtensionsLargeBlobInputsJSON AuthenticationExtensionsLargeBlobOutputs ' +
  'AuthenticationExtensionsPRFInputs AuthenticationExtensionsPRFInputsJSON ' +
  'AuthenticationExtensionsPRFOutputs AuthenticationExtensionsPRFValues ' +
  'AuthenticationExtensionsPRFValuesJSON AuthenticatorAssertionResponse AuthenticatorAttachment ' +
  'AuthenticatorAttestationResponse AuthenticatorResponse AuthenticatorSelectionCriteria ' +
  'AuthenticatorTransport AutoFill AutoFillAddressKind AutoFillBase AutoFillContactField ' +
  'AutoFillContactKind AutoFillCredentialField AutoFillField AutoFillNormalField AutoFillSection ' +
  'AutoKeyword AutomationRate AvcBitstreamFormat AvcEncoderConfig Awaited BarProp Base64URLString ' +
  'BaseAudioContext BaseAudioContextEventMap BeforeUnloadEvent BigInt BigInt64Array ' +
  'BigInt64ArrayConstructor BigIntConstructor BigIntToLocaleStringOptions BigInteger BigUint64Array ' +
  'BigUint64ArrayConstructor BinaryType BiquadFilterNode BiquadFilterOptions BiquadFilterType ' +
  'BitrateMode Blob BlobCallback BlobEvent BlobEventInit BlobPart BlobPropertyBag Body BodyInit ' +
  'Boolean BooleanConstructor BroadcastChannel BroadcastChannelEventMap Buffer BufferSource ' +
  'BuiltinIteratorReturn ByteLengthQueuingStrategy CDATASection COSEAlgorithmIdentifier ' +
  'CSPViolationReportBody CSS CSSAnimation CSSConditionRule CSSContainerRule CSSCounterStyleRule ' +
  'CSSFontFaceRule CSSFontFeatureValuesRule CSSFontPaletteValuesRule CSSGroupingRule CSSImageValue ' +
  'CSSImportRule CSSKeyframeRule CSSKeyframesRule CSSKeywordValue CSSKeywordish CSSLayerBlockRule ' +
  'CSSLayerStatementRule CSSMathClamp CSSMathInvert CSSMathMax CSSMathMin CSSMathNegate ' +
  'CSSMathOperator CSSMathProduct CSSMathSum CSSMathValue CSSMatrixComponent CSSMatrixComponentOptions ' +
  'CSSMediaRule CSSNamespaceRule CSSNestedDeclarations CSSNumberish CSSNumericArray CSSNumericBaseType ' +
  'CSSNumericType CSSNumericValue CSSPageRule CSSPerspective CSSPerspectiveValue CSSPropertyRule ' +
  'CSSRotate CSSRule CSSRuleList CSSScale CSSScopeRule CSSSkew CSSSkewX CSSSkewY CSSStartingStyleRule ' +
  'CSSStyleDeclaration CSSStyleRule CSSStyleSheet CSSStyleSheetInit CSSStyleValue CSSSupportsRule ' +
  'CSSTransformComponent CSSTransformValue CSSTransition CSSTranslate CSSUnitValue CSSUnparsedSegment ' +
  'CSSUnparsedValue CSSVariableReferenceValue CSSViewTransitionRule Cache CacheQueryOptions ' +
  'CacheStorage CallableFunction CanPlayTypeResult CanvasCaptureMediaStreamTrack CanvasCompositing ' +
  'CanvasDirection CanvasDrawImage CanvasDrawPath CanvasFillRule CanvasFillStrokeStyles CanvasFilters ' +
  'CanvasFontKerning CanvasFontStretch CanvasFontVariantCaps CanvasGradient CanvasImageData ' +
  'CanvasImageSmoothing CanvasImageSource CanvasLineCap CanvasLineJoin CanvasPath ' +
  'CanvasPathDrawingStyles CanvasPattern CanvasRect CanvasRenderingContext2D ' +
  'CanvasRenderingContext2DSettings CanvasSettings CanvasShadowStyles CanvasState CanvasText ' +
  'CanvasTextAlign CanvasTextBaseline CanvasTextDrawingStyles CanvasTextRendering CanvasTransform ' +
  'CanvasUserInterface Capitalize CaretPosition CaretPositionFromPointOptions ChannelCountMode ' +
  'ChannelInterpretation ChannelMergerNode ChannelMergerOptions ChannelSplitterNode ' +
  'ChannelSplitterOptions CharacterData CheckVisibilityOptions ChildNode ClassAccessorDecoratorContext ' +
  'ClassAccessorDecoratorResult ClassAccessorDecoratorTarget ClassDecoratorContext ' +
  'ClassFieldDecoratorContext ClassGetterDecoratorContext ClassMemberDecoratorContext ' +
  'ClassMethodDecoratorContext ClassSetterDecoratorContext ClientQueryOptions ClientRect ClientTypes ' +
  'Clipboard ClipboardEvent ClipboardEventInit ClipboardItem ClipboardItemData ClipboardItemOptions ' +
  'ClipboardItems CloseEvent CloseEventInit CodecState ColorGamut ColorSpaceConversion Comment ' +
  'CompositeOperation CompositeOperationOrAuto CompositionEvent CompositionEventInit CompressionFormat ' +
  'CompressionStream ComputedEffectTiming ComputedKeyframe ConcatArray Console ConstantSourceNode ' +
  'ConstantSourceOptions ConstrainBoolean ConstrainBooleanParameters ConstrainDOMString ' +
  'ConstrainDOMStringParameters ConstrainDouble ConstrainDoubleRange ConstrainULong ' +
  'ConstrainULongRange ConstructorParameters ContentVisibilityAutoStateChangeEvent ' +
  'ContentVisibilityAutoStateChangeEventInit ConvolverNode ConvolverOptions CookieChangeEvent ' +
  'CookieChangeEventInit CookieInit CookieList CookieListItem CookieSameSite CookieStore ' +
  'CookieStoreDeleteOptions CookieStoreEventMap CookieStoreGetOptions CookieStoreManager ' +
  'CountQueuingStrategy Credential CredentialCreationOptions CredentialMediationRequirement ' +
  'CredentialPropertiesOutput CredentialRequestOptions CredentialsContainer Crypto CryptoKey ' +
  'CryptoKeyPair CustomElementConstructor CustomElementRegistry CustomEvent CustomEventInit ' +
  'CustomStateSet DOMException DOMHighResTimeStamp DOMImplementation DOMMatrix DOMMatrix2DInit ' +
  'DOMMatrixInit DOMMatrixReadOnly DOMParser DOMParserSupportedType DOMPoint DOMPointInit ' +
  'DOMPointReadOnly DOMQuad DOMQuadInit DOMRect DOMRectInit DOMRectList DOMRectReadOnly DOMStringList ' +
  'DOMStringMap DOMTokenList DataTransfer DataTransferItem DataTransferItemList DataView ' +
  'DataViewConstructor Date DateConstructor DecodeErrorCallback DecodeSuccessCallback ' +
  'DecompressionStream DecoratorContext DecoratorMetadata DecoratorMetadataObject DelayNode ' +
  'DelayOptions DeviceMotionEvent DeviceMotionEventAcceleration DeviceMotionEventAccelerationInit ' +
  'DeviceMotionEventInit DeviceMotionEventRotationRate DeviceMotionEventRotationRateInit ' +
  'DeviceOrientationEvent DeviceOrientationEventInit DirectionSetting DisplayCaptureSurfaceType ' +
  'DisplayMediaStreamOptions Disposable DisposableStack DisposableStackConstructor DistanceModelType ' +
  'Document DocumentEventMap DocumentFragment DocumentOrShadowRoot DocumentReadyState DocumentTimeline ' +
  'DocumentTimelineOptions DocumentType DocumentVisibilityState DoubleRange DragEvent DragEventInit ' +
  'DynamicsCompressorNode DynamicsCompressorOptions EXT_blend_minmax EXT_color_buffer_float ' +
  'EXT_color_buffer_half_float EXT_float_blend EXT_frag_depth EXT_sRGB EXT_shader_texture_lod ' +
  'EXT_texture_compression_bptc EXT_texture_compression_rgtc EXT_texture_filter_anisotropic ' +
  'EXT_texture_norm16 EcKeyAlgorithm EcKeyGenParams EcKeyImportParams EcdhKeyDeriveParams EcdsaParams ' +
  'EffectTiming Element ElementCSSInlineStyle ElementContentEditable ElementCreationOptions ' +
  'ElementDefinitionOptions ElementEventMap ElementInternals ElementTagNameMap EncodedAudioChunk ' +
  'EncodedAudioChunkInit EncodedAudioChunkMetadata EncodedAudioChunkOutputCallback ' +
  'EncodedAudioChunkType EncodedVideoChunk EncodedVideoChunkInit EncodedVideoChunkMetadata ' +
  'EncodedVideoChunkOutputCallback EncodedVideoChunkType EndOfStreamError EndingType Enumerator ' +
  'EnumeratorConstructor EpochTimeStamp Error ErrorCallback ErrorConstructor ErrorEvent ErrorEventInit ' +
  'ErrorOptions EvalError EvalErrorConstructor Event EventCounts EventInit EventListener ' +
  'EventListenerObject EventListenerOptions EventListenerOrEventListenerObject EventModifierInit ' +
  'EventSource EventSourceEventMap EventSourceInit EventTarget Exclude External Extract File ' +
  'FileCallback FileList FilePropertyBag FileReader FileReaderEventMap FileSystem ' +
  'FileSystemCreateWritableOptions FileSystemDirectoryEntry FileSystemDirectoryHandle ' +
  'FileSystemDirectoryReader FileSystemEntriesCallback FileSystemEntry FileSystemEntryCallback ' +
  'FileSystemFileEntry FileSystemFileHandle FileSystemFlags FileSystemGetDirectoryOptions ' +
  'FileSystemGetFileOptions FileSystemHandle FileSystemHandleKind FileSystemRemoveOptions ' +
  'FileSystemWritableFileStream FileSystemWriteChunkType FillLightMode FillMode FinalizationRegistry ' +
  'FinalizationRegistryConstructor FlatArray Float16Array Float16ArrayConstructor Float32Array ' +
  'Float32ArrayConstructor Float32List Float64Array Float64ArrayConstructor FocusEvent FocusEventInit ' +
  'FocusOptions FontDisplay FontFace FontFaceDescriptors FontFaceLoadStatus FontFaceSet ' +
  'FontFaceSetEventMap FontFaceSetLoadEvent FontFaceSetLoadEventInit FontFaceSetLoadStatus ' +
  'FontFaceSource FormData FormDataEntryValue FormDataEvent FormDataEventInit FragmentDirective ' +
  'FrameRequestCallback FullscreenNavigationUI FullscreenOptions Function FunctionConstructor ' +
  'FunctionStringCallback GLbitfield GLboolean GLclampf GLenum GLfloat GLint GLint64 GLintptr GLsizei ' +
  'GLsizeiptr GLuint GLuint64 GPUError GainNode GainOptions Gamepad GamepadButton ' +
  'GamepadEffectParameters GamepadEvent GamepadEventInit GamepadHapticActuator GamepadHapticEffectType ' +
  'GamepadHapticsResult GamepadMappingType Generator GeneratorFunction GeneratorFunctionConstructor ' +
  'GenericTransformStream Geolocation GeolocationCoordinates GeolocationPosition ' +
  'GeolocationPositionError GetAnimationsOptions GetComposedRangesOptions GetHTMLOptions ' +
  'GetNotificationOptions GetRootNodeOptions Global GlobalCompositeOperation GlobalEventHandlers ' +
  'GlobalEventHandlersEventMap HTMLAllCollection HTMLAnchorElement HTMLAreaElement HTMLAudioElement ' +
  'HTMLBRElement HTMLBaseElement HTMLBodyElement HTMLBodyElementEventMap HTMLButtonElement ' +
  'HTMLCanvasElement HTMLCollection HTMLCollectionBase HTMLCollectionOf HTMLDListElement ' +
  'HTMLDataElement HTMLDataListElement HTMLDetailsElement HTMLDialogElement HTMLDirectoryElement ' +
  'HTMLDivElement HTMLDocument HTMLElement HTMLElementDeprecatedTagNameMap HTMLElementEventMap ' +
  'HTMLElementTagNameMap HTMLEmbedElement HTMLFieldSetElement HTMLFontElement ' +
  'HTMLFormControlsCollection HTMLFormElement HTMLFrameElement HTMLFrameSetElement ' +
  'HTMLFrameSetElementEventMap HTMLHRElement HTMLHeadElement HTMLHeadingElement HTMLHtmlElement ' +
  'HTMLHyperlinkElementUtils HTMLIFrameElement HTMLImageElement HTMLInputElement HTMLLIElement ' +
  'HTMLLabelElement HTMLLegendElement HTMLLinkElement HTMLMapElement HTMLMarqueeElement ' +
  'HTMLMediaElement HTMLMediaElementEventMap HTMLMenuElement HTMLMetaElement HTMLMeterElement ' +
  'HTMLModElement HTMLOListElement HTMLObjectElement HTMLOptGroupElement HTMLOptionElement ' +
  'HTMLOptionsCollection HTMLOrSVGElement HTMLOrSVGImageElement HTMLOrSVGScriptElement ' +
  'HTMLOutputElement HTMLParagraphElement HTMLParamElement HTMLPictureElement HTMLPreElement ' +
  'HTMLProgressElement HTMLQuoteElement HTMLScriptElement HTMLSelectElement HTMLSlotElement ' +
  'HTMLSourceElement HTMLSpanElement HTMLStyleElement HTMLTableCaptionElement HTMLTableCellElement ' +
  'HTMLTableColElement HTMLTableDataCellElement HTMLTableElement HTMLTableHeaderCellElement ' +
  'HTMLTableRowElement HTMLTableSectionElement HTMLTemplateElement HTMLTextAreaElement HTMLTimeElement ' +
  'HTMLTitleElement HTMLTrackElement HTMLUListElement HTMLUnknownElement HTMLVideoElement ' +
  'HTMLVideoElementEventMap HardwareAcceleration HashAlgorithmIdentifier HashChangeEvent ' +
  'HashChangeEventInit HdrMetadataType Headers HeadersInit Highlight HighlightRegistry HighlightType ' +
  'History HkdfParams HmacImportParams HmacKeyAlgorithm HmacKeyGenParams IArguments IDBCursor ' +
  'IDBCursorDirection IDBCursorWithValue IDBDatabase IDBDatabaseEventMap IDBDatabaseInfo IDBFactory ' +
  'IDBIndex IDBIndexParameters IDBKeyRange IDBObjectStore IDBObjectStoreParameters IDBOpenDBRequest ' +
  'IDBOpenDBRequestEventMap IDBRequest IDBRequestEventMap IDBRequestReadyState IDBTransaction ' +
  'IDBTransactionDurability IDBTransactionEventMap IDBTransactionMode IDBTransactionOptions ' +
  'IDBValidKey IDBVersionChangeEvent IDBVersionChangeEventInit IIRFilterNode IIRFilterOptions ' +
  'ITextWriter IdleDeadline IdleRequestCallback IdleRequestOptions Image ImageBitmap ' +
  'ImageBitmapOptions ImageBitmapRenderingContext ImageBitmapRenderingContextSettings ' +
  'ImageBitmapSource ImageBufferSource ImageCapture ImageData ImageDataArray ImageDataSettings ' +
  'ImageDecodeOptions ImageDecodeResult ImageDecoder ImageDecoderInit ImageEncodeOptions ' +
  'ImageOrientation ImageSmoothingQuality ImageTrack ImageTrackList ImportAssertions ImportAttributes ' +
  'ImportCallOptions ImportMeta ImportNodeOptions Infinity InputDeviceInfo InputEvent InputEventInit ' +
  'InsertPosition InstanceType Int16Array Int16ArrayConstructor Int32Array Int32ArrayConstructor ' +
  'Int32List Int8Array Int8ArrayConstructor IntersectionObserver IntersectionObserverCallback ' +
  'IntersectionObserverEntry IntersectionObserverInit Intl Iterable IterableIterator ' +
  'IterationCompositeOperation Iterator IteratorObject IteratorObjectConstructor IteratorResult ' +
  'IteratorReturnResult IteratorYieldResult JSON JsonWebKey KHR_parallel_shader_compile KeyAlgorithm ' +
  'KeyFormat KeySystemTrackConfiguration KeyType KeyUsage KeyboardEvent KeyboardEventInit Keyframe ' +
  'KeyframeAnimationOptions KeyframeEffect KeyframeEffectOptions LargestContentfulPaint LatencyMode ' +
  'LineAlignSetting LineAndPositionSetting LinkStyle Location Lock LockGrantedCallback LockInfo ' +
  'LockManager LockManagerSnapshot LockMode LockOptions LoginStatus Lowercase MIDIAccess ' +
  'MIDIAccessEventMap MIDIConnectionEvent MIDIConnectionEventInit MIDIInput MIDIInputEventMap ' +
  'MIDIInputMap MIDIMessageEvent MIDIMessageEventInit MIDIOptions MIDIOutput MIDIOutputMap MIDIPort ' +
  'MIDIPortConnectionState MIDIPortDeviceState MIDIPortEventMap MIDIPortType Map MapConstructor ' +
  'MapIterator Math MathMLElement MathMLElementEventMap MathMLElementTagNameMap MediaCapabilities ' +
  'MediaCapabilitiesDecodingInfo MediaCapabilitiesEncodingInfo MediaCapabilitiesInfo ' +
  'MediaCapabilitiesKeySystemConfiguration MediaConfiguration MediaDecodingConfiguration ' +
  'MediaDecodingType MediaDeviceInfo MediaDeviceKind MediaDevices MediaDevicesEventMap ' +
  'MediaElementAudioSourceNode MediaElementAudioSourceOptions MediaEncodingConfiguration ' +
  'MediaEncodingType MediaEncryptedEvent MediaEncryptedEventInit MediaError MediaImage ' +
  'MediaKeyMessageEvent MediaKeyMessageEventInit MediaKeyMessageType MediaKeySession ' +
  'MediaKeySessionClosedReason MediaKeySessionEventMap MediaKeySessionType MediaKeyStatus ' +
  'MediaKeyStatusMap MediaKeySystemAccess MediaKeySystemConfiguration MediaKeySystemMediaCapability ' +
  'MediaKeys MediaKeysPolicy MediaKeysRequirement MediaList MediaMetadata MediaMetadataInit ' +
  'MediaPositionState MediaProvider MediaQueryList MediaQueryListEvent MediaQueryListEventInit ' +
  'MediaQueryListEventMap MediaRecorder MediaRecorderEventMap MediaRecorderOptions MediaSession ' +
  'MediaSessionAction MediaSessionActionDetails MediaSessionActionHandler MediaSessionPlaybackState ' +
  'MediaSettingsRange MediaSource MediaSourceEventMap MediaSourceHandle MediaStream ' +
  'MediaStreamAudioDestinationNode MediaStreamAudioSourceNode MediaStreamAudioSourceOptions ' +
  'MediaStreamConstraints MediaStreamEventMap MediaStreamTrack MediaStreamTrackEvent ' +
  'MediaStreamTrackEventInit MediaStreamTrackEventMap MediaStreamTrackState MediaTrackCapabilities ' +
  'MediaTrackConstraintSet MediaTrackConstraints MediaTrackSettings MediaTrackSupportedConstraints ' +
  'MessageChannel MessageEvent MessageEventInit MessageEventSource MessageEventTarget ' +
  'MessageEventTargetEventMap MessagePort MessagePortEventMap MimeType MimeTypeArray Module MouseEvent ' +
  'MouseEventInit MultiCacheQueryOptions MutationCallback MutationObserver MutationObserverInit ' +
  'MutationRecord MutationRecordType NaN NamedCurve NamedNodeMap NavigationActivation ' +
  'NavigationHistoryEntry NavigationHistoryEntryEventMap NavigationPreloadManager ' +
  'NavigationPreloadState NavigationTimingType NavigationType Navigator NavigatorAutomationInformation ' +
  'NavigatorBadge NavigatorConcurrentHardware NavigatorContentUtils NavigatorCookies NavigatorID ' +
  'NavigatorLanguage NavigatorLocks NavigatorLogin NavigatorOnLine NavigatorPlugins NavigatorStorage ' +
  'NewableFunction NoInfer Node NodeFilter NodeIterator NodeJS NodeList NodeListOf ' +
  'NonDocumentTypeChildNode NonElementParentNode NonNullable Notification NotificationDirection ' +
  'NotificationEventMap NotificationOptions NotificationPermission NotificationPermissionCallback ' +
  'Number NumberConstructor OES_draw_buffers_indexed OES_element_index_uint OES_fbo_render_mipmap ' +
  'OES_standard_derivatives OES_texture_float OES_texture_float_linear OES_texture_half_float ' +
  'OES_texture_half_float_linear OES_vertex_array_object OVR_multiview2 Object ObjectConstructor ' +
  'OfflineAudioCompletionEvent OfflineAudioCompletionEventInit OfflineAudioContext ' +
  'OfflineAudioContextEventMap OfflineAudioContextOptions OffscreenCanvas OffscreenCanvasEventMap ' +
  'OffscreenCanvasRenderingContext2D OffscreenRenderingContext OffscreenRenderingContextId Omit ' +
  'OmitThisParameter OnBeforeUnloadEventHandler OnBeforeUnloadEventHandlerNonNull OnErrorEventHandler ' +
  'OnErrorEventHandlerNonNull Option OptionalEffectTiming OptionalPostfixToken OptionalPrefixToken ' +
  'OpusBitstreamFormat OpusEncoderConfig OrientationType OscillatorNode OscillatorOptions ' +
  'OscillatorType OverSampleType OverconstrainedError PageRevealEvent PageRevealEventInit ' +
  'PageSwapEvent PageSwapEventInit PageTransitionEvent PageTransitionEventInit PannerNode ' +
  'PannerOptions PanningModelType Parameters ParentNode Partial Path2D PayerErrors PaymentAddress ' +
  'PaymentComplete PaymentCurrencyAmount PaymentDetailsBase PaymentDetailsInit PaymentDetailsModifier ' +
  'PaymentDetailsUpdate PaymentItem PaymentMethodChangeEvent PaymentMethodChangeEventInit ' +
  'PaymentMethodData PaymentOptions PaymentRequest PaymentRequestEventMap PaymentRequestUpdateEvent ' +
  'PaymentRequestUpdateEventInit PaymentResponse PaymentResponseEventMap PaymentShippingOption ' +
  'PaymentShippingType PaymentValidationErrors Pbkdf2Params Performance PerformanceEntry ' +
  'PerformanceEntryList PerformanceEventMap PerformanceEventTiming PerformanceMark ' +
  'PerformanceMarkOptions PerformanceMeasure PerformanceMeasureOptions PerformanceNavigation ' +
  'PerformanceNavigationTiming PerformanceObserver PerformanceObserverCallback ' +
  'PerformanceObserverEntryList PerformanceObserverInit PerformancePaintTiming ' +
  'PerformanceResourceTiming PerformanceServerTiming PerformanceTiming PeriodicWave ' +
  'PeriodicWaveConstraints PeriodicWaveOptions PermissionDescriptor PermissionName PermissionState ' +
  'PermissionStatus PermissionStatusEventMap Permissions PhotoCapabilities PhotoSettings Pick ' +
  'PictureInPictureEvent PictureInPictureEventInit PictureInPictureWindow ' +
  'PictureInPictureWindowEventMap PlaneLayout PlaybackDirection Plugin PluginArray PointerEvent ' +
  'PointerEventInit PointerLockOptions PopStateEvent PopStateEventInit PopoverInvokerElement ' +
  'PositionAlignSetting PositionCallback PositionErrorCallback PositionOptions PredefinedColorSpace ' +
  'PremultiplyAlpha PresentationStyle Process ProcessingInstruction ProgressEvent ProgressEventInit ' +
  'Promise PromiseConstructor PromiseFulfilledResult PromiseLike PromiseRejectedResult ' +
  'PromiseRejectionEvent PromiseRejectionEventInit PromiseSettledResult PromiseWithResolvers ' +
  'PropertyDefinition PropertyDescriptor PropertyDescriptorMap PropertyIndexedKeyframes Proxy ' +
  'ProxyConstructor ProxyHandler PublicKeyCredential PublicKeyCredentialClientCapabilities ' +
  'PublicKeyCredentialCreationOptions PublicKeyCredentialCreationOptionsJSON ' +
  'PublicKeyCredentialDescriptor PublicKeyCredentialDescriptorJSON PublicKeyCredentialEntity ' +
  'PublicKeyCredentialJSON PublicKeyCredentialParameters PublicKeyCredentialRequestOptions ' +
  'PublicKeyCredentialRequestOptionsJSON PublicKeyCredentialRpEntity PublicKeyCredentialType ' +
  'PublicKeyCredentialUserEntity PublicKeyCredentialUserEntityJSON PushEncryptionKeyName PushManager ' +
  'PushSubscription PushSubscriptionJSON PushSubscriptionOptions PushSubscriptionOptionsInit ' +
  'QueuingStrategy QueuingStrategyInit QueuingStrategySize RTCAnswerOptions RTCBundlePolicy ' +
  'RTCCertificate RTCCertificateExpiration RTCConfiguration RTCDTMFSender RTCDTMFSenderEventMap ' +
  'RTCDTMFToneChangeEvent RTCDTMFToneChangeEventInit RTCDataChannel RTCDataChannelEvent ' +
  'RTCDataChannelEventInit RTCDataChannelEventMap RTCDataChannelInit RTCDataChannelState ' +
  'RTCDegradationPreference RTCDtlsFingerprint RTCDtlsRole RTCDtlsTransport RTCDtlsTransportEventMap ' +
  'RTCDtlsTransportState RTCEncodedAudioFrame RTCEncodedAudioFrameMetadata RTCEncodedFrameMetadata ' +
  'RTCEncodedVideoFrame RTCEncodedVideoFrameMetadata RTCEncodedVideoFrameType RTCError ' +
  'RTCErrorDetailType RTCErrorEvent RTCErrorEventInit RTCErrorInit RTCIceCandidate RTCIceCandidateInit ' +
  'RTCIceCandidatePair RTCIceCandidatePairStats RTCIceCandidateType RTCIceComponent ' +
  'RTCIceConnectionState RTCIceGathererState RTCIceGatheringState RTCIceProtocol RTCIceRole ' +
  'RTCIceServer RTCIceTcpCandidateType RTCIceTransport RTCIceTransportEventMap RTCIceTransportPolicy ' +
  'RTCIceTransportState RTCInboundRtpStreamStats RTCLocalIceCandidateInit ' +
  'RTCLocalSessionDescriptionInit RTCOfferAnswerOptions RTCOfferOptions RTCOutboundRtpStreamStats ' +
  'RTCPeerConnection RTCPeerConnectionErrorCallback RTCPeerConnectionEventMap ' +
  'RTCPeerConnectionIceErrorEvent RTCPeerConnectionIceErrorEventInit RTCPeerConnectionIceEvent ' +
  'RTCPeerConnectionIceEventInit RTCPeerConnectionState RTCPriorityType RTCQualityLimitationReason ' +
  'RTCReceivedRtpStreamStats RTCRtcpMuxPolicy RTCRtcpParameters RTCRtpCapabilities RTCRtpCodec ' +
  'RTCRtpCodecParameters RTCRtpCodingParameters RTCRtpContributingSource RTCRtpEncodingParameters ' +
  'RTCRtpHeaderExtensionCapability RTCRtpHeaderExtensionParameters RTCRtpParameters ' +
  'RTCRtpReceiveParameters RTCRtpReceiver RTCRtpScriptTransform RTCRtpSendParameters RTCRtpSender ' +
  'RTCRtpStreamStats RTCRtpSynchronizationSource RTCRtpTransceiver RTCRtpTransceiverDirection ' +
  'RTCRtpTransceiverInit RTCRtpTransform RTCSctpTransport RTCSctpTransportEventMap ' +
  'RTCSctpTransportState RTCSdpType RTCSentRtpStreamStats RTCSessionDescription ' +
  'RTCSessionDescriptionCallback RTCSessionDescriptionInit RTCSetParameterOptions RTCSignalingState ' +
  'RTCStats RTCStatsIceCandidatePairState RTCStatsReport RTCStatsType RTCTrackEvent RTCTrackEventInit ' +
  'RTCTransportStats RadioNodeList Range RangeError RangeErrorConstructor ReadableByteStreamController ' +
  'ReadableStream ReadableStreamBYOBReader ReadableStreamBYOBRequest ReadableStreamController ' +
  'ReadableStreamDefaultController ReadableStreamDefaultReader ReadableStreamGenericReader ' +
  'ReadableStreamGetReaderOptions ReadableStreamIteratorOptions ReadableStreamReadDoneResult ' +
  'ReadableStreamReadResult ReadableStreamReadValueResult ReadableStreamReader ' +
  'ReadableStreamReaderMode ReadableStreamType ReadableWritablePair Readonly ReadonlyArray ReadonlyMap ' +
  'ReadonlySet ReadonlySetLike ReadyState Record RecordingState RedEyeReduction ReferenceError ' +
  'ReferenceErrorConstructor ReferrerPolicy Reflect RegExp RegExpConstructor RegExpExecArray ' +
  'RegExpIndicesArray RegExpMatchArray RegExpStringIterator RegistrationOptions RemotePlayback ' +
  'RemotePlaybackAvailabilityCallback RemotePlaybackEventMap RemotePlaybackState RenderingContext ' +
  'Report ReportBody ReportList ReportingObserver ReportingObserverCallback ReportingObserverOptions ' +
  'Request RequestCache RequestCredentials RequestDestination RequestInfo RequestInit RequestMode ' +
  'RequestPriority RequestRedirect Require Required ResidentKeyRequirement ResizeObserver ' +
  'ResizeObserverBoxOptions ResizeObserverCallback ResizeObserverEntry ResizeObserverOptions ' +
  'ResizeObserverSize ResizeQuality Response ResponseInit ResponseType ReturnType ' +
  'RsaHashedImportParams RsaHashedKeyAlgorithm RsaHashedKeyGenParams RsaKeyAlgorithm RsaKeyGenParams ' +
  'RsaOaepParams RsaOtherPrimesInfo RsaPssParams SVGAElement SVGAngle SVGAnimateElement ' +
  'SVGAnimateMotionElement SVGAnimateTransformElement SVGAnimatedAngle SVGAnimatedBoolean ' +
  'SVGAnimatedEnumeration SVGAnimatedInteger SVGAnimatedLength SVGAnimatedLengthList SVGAnimatedNumber ' +
  'SVGAnimatedNumberList SVGAnimatedPoints SVGAnimatedPreserveAspectRatio SVGAnimatedRect ' +
  'SVGAnimatedString SVGAnimatedTransformList SVGAnimationElement SVGBoundingBoxOptions ' +
  'SVGCircleElement SVGClipPathElement SVGComponentTransferFunctionElement SVGDefsElement ' +
  'SVGDescElement SVGElement SVGElementEventMap SVGElementTagNameMap SVGEllipseElement ' +
  'SVGFEBlendElement SVGFEColorMatrixElement SVGFEComponentTransferElement SVGFECompositeElement ' +
  'SVGFEConvolveMatrixElement SVGFEDiffuseLightingElement SVGFEDisplacementMapElement ' +
  'SVGFEDistantLightElement SVGFEDropShadowElement SVGFEFloodElement SVGFEFuncAElement ' +
  'SVGFEFuncBElement SVGFEFuncGElement SVGFEFuncRElement SVGFEGaussianBlurElement SVGFEImageElement ' +
  'SVGFEMergeElement SVGFEMergeNodeElement SVGFEMorphologyElement SVGFEOffsetElement ' +
  'SVGFEPointLightElement SVGFESpecularLightingElement SVGFESpotLightElement SVGFETileElement ' +
  'SVGFETurbulenceElement SVGFilterElement SVGFilterPrimitiveStandardAttributes SVGFitToViewBox ' +
  'SVGForeignObjectElement SVGGElement SVGGeometryElement SVGGradientElement SVGGraphicsElement ' +
  'SVGImageElement SVGLength SVGLengthList SVGLineElement SVGLinearGradientElement SVGMPathElement ' +
  'SVGMarkerElement SVGMaskElement SVGMatrix SVGMetadataElement SVGNumber SVGNumberList SVGPathElement ' +
  'SVGPatternElement SVGPoint SVGPointList SVGPolygonElement SVGPolylineElement SVGPreserveAspectRatio ' +
  'SVGRadialGradientElement SVGRect SVGRectElement SVGSVGElement SVGSVGElementEventMap ' +
  'SVGScriptElement SVGSetElement SVGStopElement SVGStringList SVGStyleElement SVGSwitchElement ' +
  'SVGSymbolElement SVGTSpanElement SVGTests SVGTextContentElement SVGTextElement SVGTextPathElement ' +
  'SVGTextPositioningElement SVGTitleElement SVGTransform SVGTransformList SVGURIReference ' +
  'SVGUnitTypes SVGUseElement SVGViewElement SafeArray Screen ScreenOrientation ' +
  'ScreenOrientationEventMap ScriptProcessorNode ScriptProcessorNodeEventMap ScrollBehavior ' +
  'ScrollIntoViewOptions ScrollLogicalPosition ScrollOptions ScrollRestoration ScrollSetting ' +
  'ScrollToOptions SecurityPolicyViolationEvent SecurityPolicyViolationEventDisposition ' +
  'SecurityPolicyViolationEventInit Selection SelectionMode ServiceWorker ServiceWorkerContainer ' +
  'ServiceWorkerContainerEventMap ServiceWorkerEventMap ServiceWorkerRegistration ' +
  'ServiceWorkerRegistrationEventMap ServiceWorkerState ServiceWorkerUpdateViaCache Set SetConstructor ' +
  'SetIterator ShadowRoot ShadowRootEventMap ShadowRootInit ShadowRootMode ShareData SharedArrayBuffer ' +
  'SharedArrayBufferConstructor SharedWorker SlotAssignmentMode Slottable SourceBuffer ' +
  'SourceBufferEventMap SourceBufferList SourceBufferListEventMap SpeechRecognitionAlternative ' +
  'SpeechRecognitionResult SpeechRecognitionResultList SpeechSynthesis SpeechSynthesisErrorCode ' +
  'SpeechSynthesisErrorEvent SpeechSynthesisErrorEventInit SpeechSynthesisEvent ' +
  'SpeechSynthesisEventInit SpeechSynthesisEventMap SpeechSynthesisUtterance ' +
  'SpeechSynthesisUtteranceEventMap SpeechSynthesisVoice StartViewTransitionOptions StaticRange ' +
  'StaticRangeInit StereoPannerNode StereoPannerOptions Storage StorageEstimate StorageEvent ' +
  'StorageEventInit StorageManager StreamPipeOptions String StringConstructor StringIterator ' +
  'StructuredSerializeOptions StyleMedia StylePropertyMap StylePropertyMapReadOnly StyleSheet ' +
  'StyleSheetList SubmitEvent SubmitEventInit SubtleCrypto SuppressedError SuppressedErrorConstructor ' +
  'Symbol SymbolConstructor SyntaxError SyntaxErrorConstructor TemplateStringsArray TexImageSource ' +
  'Text TextDecodeOptions TextDecoder TextDecoderCommon TextDecoderOptions TextDecoderStream ' +
  'TextEncoder TextEncoderCommon TextEncoderEncodeIntoResult TextEncoderStream TextEvent TextMetrics ' +
  'TextStreamBase TextStreamReader TextStreamWriter TextTrack TextTrackCue TextTrackCueEventMap ' +
  'TextTrackCueList TextTrackEventMap TextTrackKind TextTrackList TextTrackListEventMap TextTrackMode ' +
  'ThisParameterType ThisType TimeRanges TimerHandler ToggleEvent ToggleEventInit Touch TouchEvent ' +
  'TouchEventInit TouchInit TouchList TouchType TrackEvent TrackEventInit TransferFunction ' +
  'Transferable TransformStream TransformStreamDefaultController Transformer TransformerFlushCallback ' +
  'TransformerStartCallback TransformerTransformCallback TransitionEvent TransitionEventInit ' +
  'TreeWalker TypeError TypeErrorConstructor TypedPropertyDescriptor UIEvent UIEventInit ULongRange ' +
  'URIError URIErrorConstructor URL URLSearchParams Uint16Array Uint16ArrayConstructor Uint32Array ' +
  'Uint32ArrayConstructor Uint32List Uint8Array Uint8ArrayConstructor Uint8ClampedArray ' +
  'Uint8ClampedArrayConstructor Uncapitalize UnderlyingByteSource UnderlyingDefaultSource ' +
  'UnderlyingSink UnderlyingSinkAbortCallback UnderlyingSinkCloseCallback UnderlyingSinkStartCallback ' +
  'UnderlyingSinkWriteCallback UnderlyingSource UnderlyingSourceCancelCallback ' +
  'UnderlyingSourcePullCallback UnderlyingSourceStartCallback Uppercase UserActivation ' +
  'UserVerificationRequirement VBArray VBArrayConstructor VTTCue VTTRegion ValidityState ' +
  'ValidityStateFlags VarDate VibratePattern VideoColorPrimaries VideoColorSpace VideoColorSpaceInit ' +
  'VideoConfiguration VideoDecoder VideoDecoderConfig VideoDecoderEventMap VideoDecoderInit ' +
  'VideoDecoderSupport VideoEncoder VideoEncoderBitrateMode VideoEncoderConfig ' +
  'VideoEncoderEncodeOptions VideoEncoderEncodeOptionsForAvc VideoEncoderEventMap VideoEncoderInit ' +
  'VideoEncoderSupport VideoFacingModeEnum VideoFrame VideoFrameBufferInit VideoFrameCallbackMetadata ' +
  'VideoFrameCopyToOptions VideoFrameInit VideoFrameOutputCallback VideoFrameRequestCallback ' +
  'VideoMatrixCoefficients VideoPixelFormat VideoPlaybackQuality VideoTransferCharacteristics ' +
  'ViewTransition ViewTransitionTypeSet ViewTransitionUpdateCallback VisualViewport ' +
  'VisualViewportEventMap VoidFunction WEBGL_color_buffer_float WEBGL_compressed_texture_astc ' +
  'WEBGL_compressed_texture_etc WEBGL_compressed_texture_etc1 WEBGL_compressed_texture_pvrtc ' +
  'WEBGL_compressed_texture_s3tc WEBGL_compressed_texture_s3tc_srgb WEBGL_debug_renderer_info ' +
  'WEBGL_debug_shaders WEBGL_depth_texture WEBGL_draw_buffers WEBGL_lose_context WEBGL_multi_draw WSH ' +
  'WScript WakeLock WakeLockSentinel WakeLockSentinelEventMap WakeLockType WaveShaperNode ' +
  'WaveShaperOptions WeakKey WeakKeyTypes WeakMap WeakMapConstructor WeakRef WeakRefConstructor ' +
  'WeakSet WeakSetConstructor WebAssembly WebCodecsErrorCallback WebGL2RenderingContext ' +
  'WebGL2RenderingContextBase WebGL2RenderingContextOverloads WebGLActiveInfo WebGLBuffer ' +
  'WebGLContextAttributes WebGLContextEvent WebGLContextEventInit WebGLFramebuffer ' +
  'WebGLPowerPreference WebGLProgram WebGLQuery WebGLRenderbuffer WebGLRenderingContext ' +
  'WebGLRenderingContextBase WebGLRenderingContextOverloads WebGLSampler WebGLShader ' +
  'WebGLShaderPrecisionFormat WebGLSync WebGLTexture WebGLTransformFeedback WebGLUniformLocation ' +
  'WebGLVertexArrayObject WebGLVertexArrayObjectOES WebKitCSSMatrix WebSocket WebSocketEventMap ' +
  'WebTransport WebTransportBidirectionalStream WebTransportCloseInfo WebTransportCongestionControl ' +
  'WebTransportDatagramDuplexStream WebTransportError WebTransportErrorOptions WebTransportErrorSource ' +
  'WebTransportHash WebTransportOptions WebTransportSendOptions WebTransportSendStreamOptions ' +
  'WheelEvent WheelEventInit Window WindowEventHandlers WindowEventHandlersEventMap WindowEventMap ' +
  'WindowLocalStorage WindowOrWorkerGlobalScope WindowPostMessageOptions WindowProxy ' +
  'WindowSessionStorage Worker WorkerEventMap WorkerOptions WorkerType Worklet WorkletOptions ' +
  'WritableStream WritableStreamDefaultController WritableStreamDefaultWriter WriteCommandType ' +
  'WriteParams XMLDocument XMLHttpRequest XMLHttpRequestBodyInit XMLHttpRequestEventMap ' +
  'XMLHttpRequestEventTarget XMLHttpRequestEventTargetEventMap XMLHttpRequestResponseType ' +
  'XMLHttpRequestUpload XMLSerializer XPathEvaluator XPathEvaluatorBase XPathExpression ' +
  'XPathNSResolver XPathResult XSLTProcessor';

export const GLOBAL_NAMES: ReadonlySet<string> = new Set(NAMES.split(' ').filter(Boolean));
