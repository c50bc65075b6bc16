import QRCode from 'qrcode';

/**
 * A QR code drawn in the browser as an SVG image, so the authenticator key never leaves the page
 * for a QR service. The CSP allows `img-src data:` but no inline styles, hence a data: URL for an <img>.
 */
export async function qrCodeDataUrl(text: string): Promise<string> {
  const svg = await QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}
