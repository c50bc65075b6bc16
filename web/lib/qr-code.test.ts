import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { qrCodeDataUrl } from './qr-code.ts';

const uri = 'otpauth://totp/Portvakt:tage%40example.se?secret=JBSWY3DPEHPK3PXP&issuer=Portvakt';

describe('qrCodeDataUrl', () => {
  it('is an SVG image holding the QR code of the text, with a quiet zone of two modules', async () => {
    const url = await qrCodeDataUrl(uri);
    expect(url.startsWith('data:image/svg+xml;charset=utf-8,')).toBe(true);
    const svg = decodeURIComponent(url.slice(url.indexOf(',') + 1));
    const size = QRCode.create(uri, { errorCorrectionLevel: 'M' }).modules.size;
    expect(svg).toContain(`viewBox="0 0 ${size + 4} ${size + 4}"`);
  });

  it('draws different codes for different keys', async () => {
    const other = uri.replace('JBSWY3DPEHPK3PXP', 'KRSXG5CTMVRXEZLU');
    expect(await qrCodeDataUrl(other)).not.toBe(await qrCodeDataUrl(uri));
  });
});
