export const id=7657;export const ids=[7657];export const modules={1081:(e,t,n)=>{n.d(t,{gN:()=>i,os:()=>p,xQ:()=>d,fL:()=>c,r_:()=>u});const r=new Set("ANGLE_instanced_arrays ARIAMixin AbortController AbortSignal AbortSignalEventMap AbstractRange AbstractWorker AbstractWorkerEventMap ActiveXObject AddEventListenerOptions AddressErrors AesCbcParams AesCtrParams AesDerivedKeyParams AesGcmParams AesKeyAlgorithm AesKeyGenParams AggregateError AggregateErrorConstructor Algorithm AlgorithmIdentifier AlignSetting AllowSharedBufferSource AlphaOption AnalyserNode AnalyserOptions Animatable Animation AnimationEffect AnimationEvent AnimationEventInit AnimationEventMap AnimationFrameProvider AnimationPlayState AnimationPlaybackEvent AnimationPlaybackEventInit AnimationReplaceState AnimationTimeline AppendMode Array ArrayBuffer ArrayBufferConstructor ArrayBufferLike ArrayBufferTypes ArrayBufferView ArrayConstructor ArrayIterator ArrayLike AssignedNodesOptions AsyncDisposable AsyncDisposableStack AsyncDisposableStackConstructor AsyncGenerator AsyncGeneratorFunction AsyncGeneratorFunctionConstructor AsyncIterable AsyncIterableIterator AsyncIterator AsyncIteratorObject Atomics AttestationConveyancePreference Attr Audio AudioBuffer AudioBufferOptions AudioBufferSourceNode AudioBufferSourceOptions AudioConfiguration AudioContext AudioContextLatencyCategory AudioContextOptions AudioContextState AudioData AudioDataCopyToOptions AudioDataInit AudioDataOutputCallback AudioDecoder AudioDecoderConfig AudioDecoderEventMap AudioDecoderInit AudioDecoderSupport AudioDestinationNode AudioEncoder AudioEncoderConfig AudioEncoderEventMap AudioEncoderInit AudioEncoderSupport AudioListener AudioNode AudioNodeOptions AudioParam AudioParamMap AudioProcessingEvent AudioProcessingEventInit AudioSampleFormat AudioScheduledSourceNode AudioScheduledSourceNodeEventMap AudioTimestamp AudioWorklet AudioWorkletNode AudioWorkletNodeEventMap AudioWorkletNodeOptions AuthenticationExtensionsClientInputs AuthenticationExtensionsClientInputsJSON AuthenticationExtensionsClientOutputs AuthenticationExtensionsLargeBlobInputs AuthenticationExtensionsLargeBlobInputsJSON AuthenticationExtensionsLargeBlobOutputs AuthenticationExtensionsPRFInputs AuthenticationExtensionsPRFInputsJSON AuthenticationExtensionsPRFOutputs AuthenticationExtensionsPRFValues AuthenticationExtensionsPRFValuesJSON AuthenticatorAssertionResponse AuthenticatorAttachment AuthenticatorAttestationResponse AuthenticatorResponse AuthenticatorSelectionCriteria AuthenticatorTransport AutoFill AutoFillAddressKind AutoFillBase AutoFillContactField AutoFillContactKind AutoFillCredentialField AutoFillField AutoFillNormalField AutoFillSection AutoKeyword AutomationRate AvcBitstreamFormat AvcEncoderConfig Awaited BarProp Base64URLString BaseAudioContext BaseAudioContextEventMap BeforeUnloadEvent BigInt BigInt64Array BigInt64ArrayConstructor BigIntConstructor BigIntToLocaleStringOptions BigInteger BigUint64Array BigUint64ArrayConstructor BinaryType BiquadFilterNode BiquadFilterOptions BiquadFilterType BitrateMode Blob BlobCallback BlobEvent BlobEventInit BlobPart BlobPropertyBag Body BodyInit Boolean BooleanConstructor BroadcastChannel BroadcastChannelEventMap Buffer BufferSource BuiltinIteratorReturn ByteLengthQueuingStrategy CDATASection COSEAlgorithmIdentifier CSPViolationReportBody CSS CSSAnimation CSSConditionRule CSSContainerRule CSSCounterStyleRule CSSFontFaceRule CSSFontFeatureValuesRule CSSFontPaletteValuesRule CSSGroupingRule CSSImageValue CSSImportRule CSSKeyframeRule CSSKeyframesRule CSSKeywordValue CSSKeywordish CSSLayerBlockRule CSSLayerStatementRule CSSMathClamp CSSMathInvert CSSMathMax CSSMathMin CSSMathNegate CSSMathOperator CSSMathProduct CSSMathSum CSSMathValue CSSMatrixComponent CSSMatrixComponentOptions CSSMediaRule CSSNamespaceRule CSSNestedDeclarations CSSNumberish CSSNumericArray CSSNumericBaseType CSSNumericType CSSNumericValue CSSPageRule CSSPerspective CSSPerspectiveValue CSSPropertyRule CSSRotate CSSRule CSSRuleList CSSScale CSSScopeRule CSSSkew CSSSkewX CSSSkewY CSSStartingStyleRule CSSStyleDeclaration CSSStyleRule CSSStyleSheet CSSStyleSheetInit CSSStyleValue CSSSupportsRule CSSTransformComponent CSSTransformValue CSSTransition CSSTranslate CSSUnitValue CSSUnparsedSegment CSSUnparsedValue CSSVariableReferenceValue CSSViewTransitionRule Cache CacheQueryOptions CacheStorage CallableFunction CanPlayTypeResult CanvasCaptureMediaStreamTrack CanvasCompositing CanvasDirection CanvasDrawImage CanvasDrawPath CanvasFillRule CanvasFillStrokeStyles CanvasFilters CanvasFontKerning CanvasFontStretch CanvasFontVariantCaps CanvasGradient CanvasImageData CanvasImageSmoothing CanvasImageSource CanvasLineCap CanvasLineJoin CanvasPath CanvasPathDrawingStyles CanvasPattern CanvasRect CanvasRenderingContext2D CanvasRenderingContext2DSettings CanvasSettings CanvasShadowStyles CanvasState CanvasText CanvasTextAlign CanvasTextBaseline CanvasTextDrawingStyles CanvasTextRendering CanvasTransform CanvasUserInterface Capitalize CaretPosition CaretPositionFromPointOptions ChannelCountMode ChannelInterpretation ChannelMergerNode ChannelMergerOptions ChannelSplitterNode ChannelSplitterOptions CharacterData CheckVisibilityOptions ChildNode ClassAccessorDecoratorContext ClassAccessorDecoratorResult ClassAccessorDecoratorTarget ClassDecoratorContext ClassFieldDecoratorContext ClassGetterDecoratorContext ClassMemberDecoratorContext ClassMethodDecoratorContext ClassSetterDecoratorContext ClientQueryOptions ClientRect ClientTypes Clipboard ClipboardEvent ClipboardEventInit ClipboardItem ClipboardItemData ClipboardItemOptions ClipboardItems CloseEvent CloseEventInit CodecState ColorGamut ColorSpaceConversion Comment CompositeOperation CompositeOperationOrAuto CompositionEvent CompositionEventInit CompressionFormat CompressionStream ComputedEffectTiming ComputedKeyframe ConcatArray Console ConstantSourceNode ConstantSourceOptions ConstrainBoolean ConstrainBooleanParameters ConstrainDOMString ConstrainDOMStringParameters ConstrainDouble ConstrainDoubleRange ConstrainULong ConstrainULongRange ConstructorParameters ContentVisibilityAutoStateChangeEvent ContentVisibilityAutoStateChangeEventInit ConvolverNode ConvolverOptions CookieChangeEvent CookieChangeEventInit CookieInit CookieList CookieListItem CookieSameSite CookieStore CookieStoreDeleteOptions CookieStoreEventMap CookieStoreGetOptions CookieStoreManager CountQueuingStrategy Credential CredentialCreationOptions CredentialMediationRequirement CredentialPropertiesOutput CredentialRequestOptions CredentialsContainer Crypto CryptoKey CryptoKeyPair CustomElementConstructor CustomElementRegistry CustomEvent CustomEventInit CustomStateSet DOMException DOMHighResTimeStamp DOMImplementation DOMMatrix DOMMatrix2DInit DOMMatrixInit DOMMatrixReadOnly DOMParser DOMParserSupportedType DOMPoint DOMPointInit DOMPointReadOnly DOMQuad DOMQuadInit DOMRect DOMRectInit DOMRectList DOMRectReadOnly DOMStringList DOMStringMap DOMTokenList DataTransfer DataTransferItem DataTransferItemList DataView DataViewConstructor Date DateConstructor DecodeErrorCallback DecodeSuccessCallback DecompressionStream DecoratorContext DecoratorMetadata DecoratorMetadataObject DelayNode DelayOptions DeviceMotionEvent DeviceMotionEventAcceleration DeviceMotionEventAccelerationInit DeviceMotionEventInit DeviceMotionEventRotationRate DeviceMotionEventRotationRateInit DeviceOrientationEvent DeviceOrientationEventInit DirectionSetting DisplayCaptureSurfaceType DisplayMediaStreamOptions Disposable DisposableStack DisposableStackConstructor DistanceModelType Document DocumentEventMap DocumentFragment DocumentOrShadowRoot DocumentReadyState DocumentTimeline DocumentTimelineOptions DocumentType DocumentVisibilityState DoubleRange DragEvent DragEventInit DynamicsCompressorNode DynamicsCompressorOptions EXT_blend_minmax EXT_color_buffer_float EXT_color_buffer_half_float EXT_float_blend EXT_frag_depth EXT_sRGB EXT_shader_texture_lod EXT_texture_compression_bptc EXT_texture_compression_rgtc EXT_texture_filter_anisotropic EXT_texture_norm16 EcKeyAlgorithm EcKeyGenParams EcKeyImportParams EcdhKeyDeriveParams EcdsaParams EffectTiming Element ElementCSSInlineStyle ElementContentEditable ElementCreationOptions ElementDefinitionOptions ElementEventMap ElementInternals ElementTagNameMap EncodedAudioChunk EncodedAudioChunkInit EncodedAudioChunkMetadata EncodedAudioChunkOutputCallback EncodedAudioChunkType EncodedVideoChunk EncodedVideoChunkInit EncodedVideoChunkMetadata EncodedVideoChunkOutputCallback EncodedVideoChunkType EndOfStreamError EndingType Enumerator EnumeratorConstructor EpochTimeStamp Error ErrorCallback ErrorConstructor ErrorEvent ErrorEventInit ErrorOptions EvalError EvalErrorConstructor Event EventCounts EventInit EventListener EventListenerObject EventListenerOptions EventListenerOrEventListenerObject EventModifierInit EventSource EventSourceEventMap EventSourceInit EventTarget Exclude External Extract File FileCallback FileList FilePropertyBag FileReader FileReaderEventMap FileSystem FileSystemCreateWritableOptions FileSystemDirectoryEntry FileSystemDirectoryHandle FileSystemDirectoryReader FileSystemEntriesCallback FileSystemEntry FileSystemEntryCallback FileSystemFileEntry FileSystemFileHandle FileSystemFlags FileSystemGetDirectoryOptions FileSystemGetFileOptions FileSystemHandle FileSystemHandleKind FileSystemRemoveOptions FileSystemWritableFileStream FileSystemWriteChunkType FillLightMode FillMode FinalizationRegistry FinalizationRegistryConstructor FlatArray Float16Array Float16ArrayConstructor Float32Array Float32ArrayConstructor Float32List Float64Array Float64ArrayConstructor FocusEvent FocusEventInit FocusOptions FontDisplay FontFace FontFaceDescriptors FontFaceLoadStatus FontFaceSet FontFaceSetEventMap FontFaceSetLoadEvent FontFaceSetLoadEventInit FontFaceSetLoadStatus FontFaceSource FormData FormDataEntryValue FormDataEvent FormDataEventInit FragmentDirective FrameRequestCallback FullscreenNavigationUI FullscreenOptions Function FunctionConstructor FunctionStringCallback GLbitfield GLboolean GLclampf GLenum GLfloat GLint GLint64 GLintptr GLsizei GLsizeiptr GLuint GLuint64 GPUError GainNode GainOptions Gamepad GamepadButton GamepadEffectParameters GamepadEvent GamepadEventInit GamepadHapticActuator GamepadHapticEffectType GamepadHapticsResult GamepadMappingType Generator GeneratorFunction GeneratorFunctionConstructor GenericTransformStream Geolocation GeolocationCoordinates GeolocationPosition GeolocationPositionError GetAnimationsOptions GetComposedRangesOptions GetHTMLOptions GetNotificationOptions GetRootNodeOptions Global GlobalCompositeOperation GlobalEventHandlers GlobalEventHandlersEventMap HTMLAllCollection HTMLAnchorElement HTMLAreaElement HTMLAudioElement HTMLBRElement HTMLBaseElement HTMLBodyElement HTMLBodyElementEventMap HTMLButtonElement HTMLCanvasElement HTMLCollection HTMLCollectionBase HTMLCollectionOf HTMLDListElement HTMLDataElement HTMLDataListElement HTMLDetailsElement HTMLDialogElement HTMLDirectoryElement HTMLDivElement HTMLDocument HTMLElement HTMLElementDeprecatedTagNameMap HTMLElementEventMap HTMLElementTagNameMap HTMLEmbedElement HTMLFieldSetElement HTMLFontElement HTMLFormControlsCollection HTMLFormElement HTMLFrameElement HTMLFrameSetElement HTMLFrameSetElementEventMap HTMLHRElement HTMLHeadElement HTMLHeadingElement HTMLHtmlElement HTMLHyperlinkElementUtils HTMLIFrameElement HTMLImageElement HTMLInputElement HTMLLIElement HTMLLabelElement HTMLLegendElement HTMLLinkElement HTMLMapElement HTMLMarqueeElement HTMLMediaElement HTMLMediaElementEventMap HTMLMenuElement HTMLMetaElement HTMLMeterElement HTMLModElement HTMLOListElement HTMLObjectElement HTMLOptGroupElement HTMLOptionElement HTMLOptionsCollection HTMLOrSVGElement HTMLOrSVGImageElement HTMLOrSVGScriptElement HTMLOutputElement HTMLParagraphElement HTMLParamElement HTMLPictureElement HTMLPreElement HTMLProgressElement HTMLQuoteElement HTMLScriptElement HTMLSelectElement HTMLSlotElement HTMLSourceElement HTMLSpanElement HTMLStyleElement HTMLTableCaptionElement HTMLTableCellElement HTMLTableColElement HTMLTableDataCellElement HTMLTableElement HTMLTableHeaderCellElement HTMLTableRowElement HTMLTableSectionElement HTMLTemplateElement HTMLTextAreaElement HTMLTimeElement HTMLTitleElement HTMLTrackElement HTMLUListElement HTMLUnknownElement HTMLVideoElement HTMLVideoElementEventMap HardwareAcceleration HashAlgorithmIdentifier HashChangeEvent HashChangeEventInit HdrMetadataType Headers HeadersInit Highlight HighlightRegistry HighlightType History HkdfParams HmacImportParams HmacKeyAlgorithm HmacKeyGenParams IArguments IDBCursor IDBCursorDirection IDBCursorWithValue IDBDatabase IDBDatabaseEventMap IDBDatabaseInfo IDBFactory IDBIndex IDBIndexParameters IDBKeyRange IDBObjectStore IDBObjectStoreParameters IDBOpenDBRequest IDBOpenDBRequestEventMap IDBRequest IDBRequestEventMap IDBRequestReadyState IDBTransaction IDBTransactionDurability IDBTransactionEventMap IDBTransactionMode IDBTransactionOptions IDBValidKey IDBVersionChangeEvent IDBVersionChangeEventInit IIRFilterNode IIRFilterOptions ITextWriter IdleDeadline IdleRequestCallback IdleRequestOptions Image ImageBitmap ImageBitmapOptions ImageBitmapRenderingContext ImageBitmapRenderingContextSettings ImageBitmapSource ImageBufferSource ImageCapture ImageData ImageDataArray ImageDataSettings ImageDecodeOptions ImageDecodeResult ImageDecoder ImageDecoderInit ImageEncodeOptions ImageOrientation ImageSmoothingQuality ImageTrack ImageTrackList ImportAssertions ImportAttributes ImportCallOptions ImportMeta ImportNodeOptions Infinity InputDeviceInfo InputEvent InputEventInit InsertPosition InstanceType Int16Array Int16ArrayConstructor Int32Array Int32ArrayConstructor Int32List Int8Array Int8ArrayConstructor IntersectionObserver IntersectionObserverCallback IntersectionObserverEntry IntersectionObserverInit Intl Iterable IterableIterator IterationCompositeOperation Iterator IteratorObject IteratorObjectConstructor IteratorResult IteratorReturnResult IteratorYieldResult JSON JsonWebKey KHR_parallel_shader_compile KeyAlgorithm KeyFormat KeySystemTrackConfiguration KeyType KeyUsage KeyboardEvent KeyboardEventInit Keyframe KeyframeAnimationOptions KeyframeEffect KeyframeEffectOptions LargestContentfulPaint LatencyMode LineAlignSetting LineAndPositionSetting LinkStyle Location Lock LockGrantedCallback LockInfo LockManager LockManagerSnapshot LockMode LockOptions LoginStatus Lowercase MIDIAccess MIDIAccessEventMap MIDIConnectionEvent MIDIConnectionEventInit MIDIInput MIDIInputEventMap MIDIInputMap MIDIMessageEvent MIDIMessageEventInit MIDIOptions MIDIOutput MIDIOutputMap MIDIPort MIDIPortConnectionState MIDIPortDeviceState MIDIPortEventMap MIDIPortType Map MapConstructor MapIterator Math MathMLElement MathMLElementEventMap MathMLElementTagNameMap MediaCapabilities MediaCapabilitiesDecodingInfo MediaCapabilitiesEncodingInfo MediaCapabilitiesInfo MediaCapabilitiesKeySystemConfiguration MediaConfiguration MediaDecodingConfiguration MediaDecodingType MediaDeviceInfo MediaDeviceKind MediaDevices MediaDevicesEventMap MediaElementAudioSourceNode MediaElementAudioSourceOptions MediaEncodingConfiguration MediaEncodingType MediaEncryptedEvent MediaEncryptedEventInit MediaError MediaImage MediaKeyMessageEvent MediaKeyMessageEventInit MediaKeyMessageType MediaKeySession MediaKeySessionClosedReason MediaKeySessionEventMap MediaKeySessionType MediaKeyStatus MediaKeyStatusMap MediaKeySystemAccess MediaKeySystemConfiguration MediaKeySystemMediaCapability MediaKeys MediaKeysPolicy MediaKeysRequirement MediaList MediaMetadata MediaMetadataInit MediaPositionState MediaProvider MediaQueryList MediaQueryListEvent MediaQueryListEventInit MediaQueryListEventMap MediaRecorder MediaRecorderEventMap MediaRecorderOptions MediaSession MediaSessionAction MediaSessionActionDetails MediaSessionActionHandler MediaSessionPlaybackState MediaSettingsRange MediaSource MediaSourceEventMap MediaSourceHandle MediaStream MediaStreamAudioDestinationNode MediaStreamAudioSourceNode MediaStreamAudioSourceOptions MediaStreamConstraints MediaStreamEventMap MediaStreamTrack MediaStreamTrackEvent MediaStreamTrackEventInit MediaStreamTrackEventMap MediaStreamTrackState MediaTrackCapabilities MediaTrackConstraintSet MediaTrackConstraints MediaTrackSettings MediaTrackSupportedConstraints MessageChannel MessageEvent MessageEventInit MessageEventSource MessageEventTarget MessageEventTargetEventMap MessagePort MessagePortEventMap MimeType MimeTypeArray Module MouseEvent MouseEventInit MultiCacheQueryOptions MutationCallback MutationObserver MutationObserverInit MutationRecord MutationRecordType NaN NamedCurve NamedNodeMap NavigationActivation NavigationHistoryEntry NavigationHistoryEntryEventMap NavigationPreloadManager NavigationPreloadState NavigationTimingType NavigationType Navigator NavigatorAutomationInformation NavigatorBadge NavigatorConcurrentHardware NavigatorContentUtils NavigatorCookies NavigatorID NavigatorLanguage NavigatorLocks NavigatorLogin NavigatorOnLine NavigatorPlugins NavigatorStorage NewableFunction NoInfer Node NodeFilter NodeIterator NodeJS NodeList NodeListOf NonDocumentTypeChildNode NonElementParentNode NonNullable Notification NotificationDirection NotificationEventMap NotificationOptions NotificationPermission NotificationPermissionCallback Number NumberConstructor OES_draw_buffers_indexed OES_element_index_uint OES_fbo_render_mipmap OES_standard_derivatives OES_texture_float OES_texture_float_linear OES_texture_half_float OES_texture_half_float_linear OES_vertex_array_object OVR_multiview2 Object ObjectConstructor OfflineAudioCompletionEvent OfflineAudioCompletionEventInit OfflineAudioContext OfflineAudioContextEventMap OfflineAudioContextOptions OffscreenCanvas OffscreenCanvasEventMap OffscreenCanvasRenderingContext2D OffscreenRenderingContext OffscreenRenderingContextId Omit OmitThisParameter OnBeforeUnloadEventHandler OnBeforeUnloadEventHandlerNonNull OnErrorEventHandler OnErrorEventHandlerNonNull Option OptionalEffectTiming OptionalPostfixToken OptionalPrefixToken OpusBitstreamFormat OpusEncoderConfig OrientationType OscillatorNode OscillatorOptions OscillatorType OverSampleType OverconstrainedError PageRevealEvent PageRevealEventInit PageSwapEvent PageSwapEventInit PageTransitionEvent PageTransitionEventInit PannerNode PannerOptions PanningModelType Parameters ParentNode Partial Path2D PayerErrors PaymentAddress PaymentComplete PaymentCurrencyAmount PaymentDetailsBase PaymentDetailsInit PaymentDetailsModifier PaymentDetailsUpdate PaymentItem PaymentMethodChangeEvent PaymentMethodChangeEventInit PaymentMethodData PaymentOptions PaymentRequest PaymentRequestEventMap PaymentRequestUpdateEvent PaymentRequestUpdateEventInit PaymentResponse PaymentResponseEventMap PaymentShippingOption PaymentShippingType PaymentValidationErrors Pbkdf2Params Performance PerformanceEntry PerformanceEntryList PerformanceEventMap PerformanceEventTiming PerformanceMark PerformanceMarkOptions PerformanceMeasure PerformanceMeasureOptions PerformanceNavigation PerformanceNavigationTiming PerformanceObserver PerformanceObserverCallback PerformanceObserverEntryList PerformanceObserverInit PerformancePaintTiming PerformanceResourceTiming PerformanceServerTiming PerformanceTiming PeriodicWave PeriodicWaveConstraints PeriodicWaveOptions PermissionDescriptor PermissionName PermissionState PermissionStatus PermissionStatusEventMap Permissions PhotoCapabilities PhotoSettings Pick PictureInPictureEvent PictureInPictureEventInit PictureInPictureWindow PictureInPictureWindowEventMap PlaneLayout PlaybackDirection Plugin PluginArray PointerEvent PointerEventInit PointerLockOptions PopStateEvent PopStateEventInit PopoverInvokerElement PositionAlignSetting PositionCallback PositionErrorCallback PositionOptions PredefinedColorSpace PremultiplyAlpha PresentationStyle Process ProcessingInstruction ProgressEvent ProgressEventInit Promise PromiseConstructor PromiseFulfilledResult PromiseLike PromiseRejectedResult PromiseRejectionEvent PromiseRejectionEventInit PromiseSettledResult PromiseWithResolvers PropertyDefinition PropertyDescriptor PropertyDescriptorMap PropertyIndexedKeyframes Proxy ProxyConstructor ProxyHandler PublicKeyCredential PublicKeyCredentialClientCapabilities PublicKeyCredentialCreationOptions PublicKeyCredentialCreationOptionsJSON PublicKeyCredentialDescriptor PublicKeyCredentialDescriptorJSON PublicKeyCredentialEntity PublicKeyCredentialJSON PublicKeyCredentialParameters PublicKeyCredentialRequestOptions PublicKeyCredentialRequestOptionsJSON PublicKeyCredentialRpEntity PublicKeyCredentialType PublicKeyCredentialUserEntity PublicKeyCredentialUserEntityJSON PushEncryptionKeyName PushManager PushSubscription PushSubscriptionJSON PushSubscriptionOptions PushSubscriptionOptionsInit QueuingStrategy QueuingStrategyInit QueuingStrategySize RTCAnswerOptions RTCBundlePolicy RTCCertificate RTCCertificateExpiration RTCConfiguration RTCDTMFSender RTCDTMFSenderEventMap RTCDTMFToneChangeEvent RTCDTMFToneChangeEventInit RTCDataChannel RTCDataChannelEvent RTCDataChannelEventInit RTCDataChannelEventMap RTCDataChannelInit RTCDataChannelState RTCDegradationPreference RTCDtlsFingerprint RTCDtlsRole RTCDtlsTransport RTCDtlsTransportEventMap RTCDtlsTransportState RTCEncodedAudioFrame RTCEncodedAudioFrameMetadata RTCEncodedFrameMetadata RTCEncodedVideoFrame RTCEncodedVideoFrameMetadata RTCEncodedVideoFrameType RTCError RTCErrorDetailType RTCErrorEvent RTCErrorEventInit RTCErrorInit RTCIceCandidate RTCIceCandidateInit RTCIceCandidatePair RTCIceCandidatePairStats RTCIceCandidateType RTCIceComponent RTCIceConnectionState RTCIceGathererState RTCIceGatheringState RTCIceProtocol RTCIceRole RTCIceServer RTCIceTcpCandidateType RTCIceTransport RTCIceTransportEventMap RTCIceTransportPolicy RTCIceTransportState RTCInboundRtpStreamStats RTCLocalIceCandidateInit RTCLocalSessionDescriptionInit RTCOfferAnswerOptions RTCOfferOptions RTCOutboundRtpStreamStats RTCPeerConnection RTCPeerConnectionErrorCallback RTCPeerConnectionEventMap RTCPeerConnectionIceErrorEvent RTCPeerConnectionIceErrorEventInit RTCPeerConnectionIceEvent RTCPeerConnectionIceEventInit RTCPeerConnectionState RTCPriorityType RTCQualityLimitationReason RTCReceivedRtpStreamStats RTCRtcpMuxPolicy RTCRtcpParameters RTCRtpCapabilities RTCRtpCodec RTCRtpCodecParameters RTCRtpCodingParameters RTCRtpContributingSource RTCRtpEncodingParameters RTCRtpHeaderExtensionCapability RTCRtpHeaderExtensionParameters RTCRtpParameters RTCRtpReceiveParameters RTCRtpReceiver RTCRtpScriptTransform RTCRtpSendParameters RTCRtpSender RTCRtpStreamStats RTCRtpSynchronizationSource RTCRtpTransceiver RTCRtpTransceiverDirection RTCRtpTransceiverInit RTCRtpTransform RTCSctpTransport RTCSctpTransportEventMap RTCSctpTransportState RTCSdpType RTCSentRtpStreamStats RTCSessionDescription RTCSessionDescriptionCallback RTCSessionDescriptionInit RTCSetParameterOptions RTCSignalingState RTCStats RTCStatsIceCandidatePairState RTCStatsReport RTCStatsType RTCTrackEvent RTCTrackEventInit RTCTransportStats RadioNodeList Range RangeError RangeErrorConstructor ReadableByteStreamController ReadableStream ReadableStreamBYOBReader ReadableStreamBYOBRequest ReadableStreamController ReadableStreamDefaultController ReadableStreamDefaultReader ReadableStreamGenericReader ReadableStreamGetReaderOptions ReadableStreamIteratorOptions ReadableStreamReadDoneResult ReadableStreamReadResult ReadableStreamReadValueResult ReadableStreamReader ReadableStreamReaderMode ReadableStreamType ReadableWritablePair Readonly ReadonlyArray ReadonlyMap ReadonlySet ReadonlySetLike ReadyState Record RecordingState RedEyeReduction ReferenceError ReferenceErrorConstructor ReferrerPolicy Reflect RegExp RegExpConstructor RegExpExecArray RegExpIndicesArray RegExpMatchArray RegExpStringIterator RegistrationOptions RemotePlayback RemotePlaybackAvailabilityCallback RemotePlaybackEventMap RemotePlaybackState RenderingContext Report ReportBody ReportList ReportingObserver ReportingObserverCallback ReportingObserverOptions Request RequestCache RequestCredentials RequestDestination RequestInfo RequestInit RequestMode RequestPriority RequestRedirect Require Required ResidentKeyRequirement ResizeObserver ResizeObserverBoxOptions ResizeObserverCallback ResizeObserverEntry ResizeObserverOptions ResizeObserverSize ResizeQuality Response ResponseInit ResponseType ReturnType RsaHashedImportParams RsaHashedKeyAlgorithm RsaHashedKeyGenParams RsaKeyAlgorithm RsaKeyGenParams RsaOaepParams RsaOtherPrimesInfo RsaPssParams SVGAElement SVGAngle SVGAnimateElement SVGAnimateMotionElement SVGAnimateTransformElement SVGAnimatedAngle SVGAnimatedBoolean SVGAnimatedEnumeration SVGAnimatedInteger SVGAnimatedLength SVGAnimatedLengthList SVGAnimatedNumber SVGAnimatedNumberList SVGAnimatedPoints SVGAnimatedPreserveAspectRatio SVGAnimatedRect SVGAnimatedString SVGAnimatedTransformList SVGAnimationElement SVGBoundingBoxOptions SVGCircleElement SVGClipPathElement SVGComponentTransferFunctionElement SVGDefsElement SVGDescElement SVGElement SVGElementEventMap SVGElementTagNameMap SVGEllipseElement SVGFEBlendElement SVGFEColorMatrixElement SVGFEComponentTransferElement SVGFECompositeElement SVGFEConvolveMatrixElement SVGFEDiffuseLightingElement SVGFEDisplacementMapElement SVGFEDistantLightElement SVGFEDropShadowElement SVGFEFloodElement SVGFEFuncAElement SVGFEFuncBElement SVGFEFuncGElement SVGFEFuncRElement SVGFEGaussianBlurElement SVGFEImageElement SVGFEMergeElement SVGFEMergeNodeElement SVGFEMorphologyElement SVGFEOffsetElement SVGFEPointLightElement SVGFESpecularLightingElement SVGFESpotLightElement SVGFETileElement SVGFETurbulenceElement SVGFilterElement SVGFilterPrimitiveStandardAttributes SVGFitToViewBox SVGForeignObjectElement SVGGElement SVGGeometryElement SVGGradientElement SVGGraphicsElement SVGImageElement SVGLength SVGLengthList SVGLineElement SVGLinearGradientElement SVGMPathElement SVGMarkerElement SVGMaskElement SVGMatrix SVGMetadataElement SVGNumber SVGNumberList SVGPathElement SVGPatternElement SVGPoint SVGPointList SVGPolygonElement SVGPolylineElement SVGPreserveAspectRatio SVGRadialGradientElement SVGRect SVGRectElement SVGSVGElement SVGSVGElementEventMap SVGScriptElement SVGSetElement SVGStopElement SVGStringList SVGStyleElement SVGSwitchElement SVGSymbolElement SVGTSpanElement SVGTests SVGTextContentElement SVGTextElement SVGTextPathElement SVGTextPositioningElement SVGTitleElement SVGTransform SVGTransformList SVGURIReference SVGUnitTypes SVGUseElement SVGViewElement SafeArray Screen ScreenOrientation ScreenOrientationEventMap ScriptProcessorNode ScriptProcessorNodeEventMap ScrollBehavior ScrollIntoViewOptions ScrollLogicalPosition ScrollOptions ScrollRestoration ScrollSetting ScrollToOptions SecurityPolicyViolationEvent SecurityPolicyViolationEventDisposition SecurityPolicyViolationEventInit Selection SelectionMode ServiceWorker ServiceWorkerContainer ServiceWorkerContainerEventMap ServiceWorkerEventMap ServiceWorkerRegistration ServiceWorkerRegistrationEventMap ServiceWorkerState ServiceWorkerUpdateViaCache Set SetConstructor SetIterator ShadowRoot ShadowRootEventMap ShadowRootInit ShadowRootMode ShareData SharedArrayBuffer SharedArrayBufferConstructor SharedWorker SlotAssignmentMode Slottable SourceBuffer SourceBufferEventMap SourceBufferList SourceBufferListEventMap SpeechRecognitionAlternative SpeechRecognitionResult SpeechRecognitionResultList SpeechSynthesis SpeechSynthesisErrorCode SpeechSynthesisErrorEvent SpeechSynthesisErrorEventInit SpeechSynthesisEvent SpeechSynthesisEventInit SpeechSynthesisEventMap SpeechSynthesisUtterance SpeechSynthesisUtteranceEventMap SpeechSynthesisVoice StartViewTransitionOptions StaticRange StaticRangeInit StereoPannerNode StereoPannerOptions Storage StorageEstimate StorageEvent StorageEventInit StorageManager StreamPipeOptions String StringConstructor StringIterator StructuredSerializeOptions StyleMedia StylePropertyMap StylePropertyMapReadOnly StyleSheet StyleSheetList SubmitEvent SubmitEventInit SubtleCrypto SuppressedError SuppressedErrorConstructor Symbol SymbolConstructor SyntaxError SyntaxErrorConstructor TemplateStringsArray TexImageSource Text TextDecodeOptions TextDecoder TextDecoderCommon TextDecoderOptions TextDecoderStream TextEncoder TextEncoderCommon TextEncoderEncodeIntoResult TextEncoderStream TextEvent TextMetrics TextStreamBase TextStreamReader TextStreamWriter TextTrack TextTrackCue TextTrackCueEventMap TextTrackCueList TextTrackEventMap TextTrackKind TextTrackList TextTrackListEventMap TextTrackMode ThisParameterType ThisType TimeRanges TimerHandler ToggleEvent ToggleEventInit Touch TouchEvent TouchEventInit TouchInit TouchList TouchType TrackEvent TrackEventInit TransferFunction Transferable TransformStream TransformStreamDefaultController Transformer TransformerFlushCallback TransformerStartCallback TransformerTransformCallback TransitionEvent TransitionEventInit TreeWalker TypeError TypeErrorConstructor TypedPropertyDescriptor UIEvent UIEventInit ULongRange URIError URIErrorConstructor URL URLSearchParams Uint16Array Uint16ArrayConstructor Uint32Array Uint32ArrayConstructor Uint32List Uint8Array Uint8ArrayConstructor Uint8ClampedArray Uint8ClampedArrayConstructor Uncapitalize UnderlyingByteSource UnderlyingDefaultSource UnderlyingSink UnderlyingSinkAbortCallback UnderlyingSinkCloseCallback UnderlyingSinkStartCallback UnderlyingSinkWriteCallback UnderlyingSource UnderlyingSourceCancelCallback UnderlyingSourcePullCallback UnderlyingSourceStartCallback Uppercase UserActivation UserVerificationRequirement VBArray VBArrayConstructor VTTCue VTTRegion ValidityState ValidityStateFlags VarDate VibratePattern VideoColorPrimaries VideoColorSpace VideoColorSpaceInit VideoConfiguration VideoDecoder VideoDecoderConfig VideoDecoderEventMap VideoDecoderInit VideoDecoderSupport VideoEncoder VideoEncoderBitrateMode VideoEncoderConfig VideoEncoderEncodeOptions VideoEncoderEncodeOptionsForAvc VideoEncoderEventMap VideoEncoderInit VideoEncoderSupport VideoFacingModeEnum VideoFrame VideoFrameBufferInit VideoFrameCallbackMetadata VideoFrameCopyToOptions VideoFrameInit VideoFrameOutputCallback VideoFrameRequestCallback VideoMatrixCoefficients VideoPixelFormat VideoPlaybackQuality VideoTransferCharacteristics ViewTransition ViewTransitionTypeSet ViewTransitionUpdateCallback VisualViewport VisualViewportEventMap VoidFunction WEBGL_color_buffer_float WEBGL_compressed_texture_astc WEBGL_compressed_texture_etc WEBGL_compressed_texture_etc1 WEBGL_compressed_texture_pvrtc WEBGL_compressed_texture_s3tc WEBGL_compressed_texture_s3tc_srgb WEBGL_debug_renderer_info WEBGL_debug_shaders WEBGL_depth_texture WEBGL_draw_buffers WEBGL_lose_context WEBGL_multi_draw WSH WScript WakeLock WakeLockSentinel WakeLockSentinelEventMap WakeLockType WaveShaperNode WaveShaperOptions WeakKey WeakKeyTypes WeakMap WeakMapConstructor WeakRef WeakRefConstructor WeakSet WeakSetConstructor WebAssembly WebCodecsErrorCallback WebGL2RenderingContext WebGL2RenderingContextBase WebGL2RenderingContextOverloads WebGLActiveInfo WebGLBuffer WebGLContextAttributes WebGLContextEvent WebGLContextEventInit WebGLFramebuffer WebGLPowerPreference WebGLProgram WebGLQuery WebGLRenderbuffer WebGLRenderingContext WebGLRenderingContextBase WebGLRenderingContextOverloads WebGLSampler WebGLShader WebGLShaderPrecisionFormat WebGLSync WebGLTexture WebGLTransformFeedback WebGLUniformLocation WebGLVertexArrayObject WebGLVertexArrayObjectOES WebKitCSSMatrix WebSocket WebSocketEventMap WebTransport WebTransportBidirectionalStream WebTransportCloseInfo WebTransportCongestionControl WebTransportDatagramDuplexStream WebTransportError WebTransportErrorOptions WebTransportErrorSource WebTransportHash WebTransportOptions WebTransportSendOptions WebTransportSendStreamOptions WheelEvent WheelEventInit Window WindowEventHandlers WindowEventHandlersEventMap WindowEventMap WindowLocalStorage WindowOrWorkerGlobalScope WindowPostMessageOptions WindowProxy WindowSessionStorage Worker WorkerEventMap WorkerOptions WorkerType Worklet WorkletOptions WritableStream WritableStreamDefaultController WritableStreamDefaultWriter WriteCommandType WriteParams XMLDocument XMLHttpRequest XMLHttpRequestBodyInit XMLHttpRequestEventMap XMLHttpRequestEventTarget XMLHttpRequestEventTargetEventMap XMLHttpRequestResponseType XMLHttpRequestUpload XMLSerializer XPathEvaluator XPathEvaluatorBase XPathExpression XPathNSResolver XPathResult XSLTProcessor".split(" ").filter(Boolean));var a=n(8331);const o=new Set("break case catch class const continue debugger default delete do else enum export extends false finally for function if import in instanceof new null return super switch this throw true try typeof var void while with as implements interface let package private protected public static yield any boolean number string symbol unknown never object bigint undefined type declare namespace module abstract async await constructor get set infer is keyof readonly require unique of satisfies accessor out global".split(" ")),i=new Set([...[...a.v.matchAll(/^export (?:declare )?(?:interface|type|class|function|const|let|enum) (\w+)/gm)].map(e=>e[1]),"Operations","OperationId","ApiClient","Credentials","Int64","createClient","decodeResponse","createMockClient","MockClient","MockHandlers","EXAMPLES","operationTests","schemas"]);function s(e,t,n,r,a){const o=t.charCodeAt(n);return e+(a?o>=65&&o<=90?String.fromCharCode(o+32):t[n]:o>=97&&o<=122?String.fromCharCode(o-32):t[n])+t.slice(n+1,r)}function l(e){return e>=97&&e<=122||e>=48&&e<=57}function c(e){let t="",n=-1;for(let r=0;r<=e.length;r++){const a=r<e.length?e.charCodeAt(r):-1;a>=65&&a<=90||l(a)?-1===n&&(n=r):-1!==n&&(t=s(t,e,n,r,!1),n=-1)}return""===t&&(t="Schema"),/^[0-9]/.test(t)&&(t=`_${t}`),t}function d(e){let t="",n=-1;for(let r=0;r<=e.length;r++){const a=r<e.length?e.charCodeAt(r):-1,o=a>=65&&a<=90;o||l(a)?-1===n?n=r:o&&l(e.charCodeAt(r-1))&&(t=s(t,e,n,r,""===t),n=r):(-1!==n&&(t=s(t,e,n,r,""===t)),n=-1)}return""===t?"operation":(/^[0-9]/.test(t)&&(t=`_${t}`),o.has(t)&&(t=`${t}_`),t)}function u(e){return function(e){return/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(e)}(e)?e:JSON.stringify(e)}function p(e,t=[]){const n=new Set(t),a=new Map,s=[...e].sort((e,t)=>e.priority-t.priority||(e.preferred<t.preferred?-1:e.preferred>t.preferred?1:0)||(e.key<t.key?-1:e.key>t.key?1:0));for(const e of s){let t=e.preferred;(r.has(t)||o.has(t)||i.has(t))&&(t=`${t}Model`);let s=t;for(let e=2;n.has(s);e++)s=`${t}${e}`;n.add(s),a.set(e.key,s)}return a}},8331:(e,t,n)=>{n.d(t,{v:()=>r});const r=String.raw`/** Retries: only idempotent requests (GET, HEAD, OPTIONS, PUT, DELETE) unless 'retryNonIdempotent'. */
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
export function isApiError<K extends keyof T.Operations>(err: unknown, id: K): err is ApiError<T.Operations[K] extends { errors: infer E extends { status: number; body: unknown } } ? E : never> {
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
`},7057:(e,t,n)=>{n.d(t,{D9:()=>c,Gi:()=>o,Hg:()=>l,OT:()=>s,UZ:()=>d,pv:()=>i});const r=/\r\n|[\n\r\u2028\u2029\u0085]/g,a=/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;function o(e){return String(e??"").replace(r," ").replace(a," ")}function i(e){return o(e).replace(/\*\//g,"*\\/")}function s(e){return(JSON.stringify(e??null)??"null").replace(/</g,"\\u003c").replace(/>/g,"\\u003e").replace(/&/g,"\\u0026").replace(/\u2028/g,"\\u2028").replace(/\u2029/g,"\\u2029")}function l(e){return JSON.stringify(String(e??"")).replace(/\u2028/g,"\\u2028").replace(/\u2029/g,"\\u2029")}function c(e){const t=o(e).replace(/\|/g,"\\|"),n=Math.max(0,...[...t.matchAll(/`+/g)].map(e=>e[0].length)),r="`".repeat(n+1),a=t.startsWith("`")||t.endsWith("`")?" ":"";return`${r}${a}${t}${a}${r}`}function d(e){return o(e).replace(/&/g,"&amp;").replace(/</g,"&lt;").replace(/>/g,"&gt;").replace(/\|/g,"\\|")}}};