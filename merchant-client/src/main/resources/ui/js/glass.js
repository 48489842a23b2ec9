// The glass look and its cheap fallback. Glass panels blur what is behind them (backdrop-filter).
// Without a GPU, Chromium composites on the CPU and re-blurs a panel whenever anything under or in it
// changes: a busy conversation list then costs more than the answering. There the panels are flat
// (translucent, no blur). 'auto' decides from WebGL: no context at all (the app starts Chromium with
// --disable-gpu) or a software renderer (SwiftShader, llvmpipe…) means no GPU; the desktop's setting
// ui.glass (ALPHA01_UI_GLASS: auto | blur | flat) overrides it. The choice is <html data-glass>.

const SOFTWARE = /swiftshader|llvmpipe|softpipe|software|basic render/i;
let detected = null;

/** Whether this page is drawn without a GPU (asked once; the WebGL context is released at once). */
export function softwareRendering() {
  if (detected !== null) return detected;
  try {
    const gl = document.createElement('canvas').getContext('webgl');
    if (!gl) {
      detected = true;
    } else {
      const info = gl.getExtension('WEBGL_debug_renderer_info');
      detected = SOFTWARE.test(String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER)));
      gl.getExtension('WEBGL_lose_context')?.loseContext();
    }
  } catch {
    detected = true;
  }
  return detected;
}

/** Applies `choice` ('blur', 'flat', else auto); returns the look in force. */
export function applyGlass(choice) {
  const look = choice === 'blur' || choice === 'flat' ? choice : (softwareRendering() ? 'flat' : 'blur');
  document.documentElement.dataset.glass = look;
  return look;
}
