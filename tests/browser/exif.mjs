// Exif in a JPEG, written and read by hand (a TIFF structure in an APP1 segment), so that the
// evidence test knows exactly which location and author tags a photo carries and finds out
// whether a copy still does, with no tool beyond node. Not a test itself (its name matches
// none of node --test's patterns).

import assert from 'node:assert/strict';

const k_artist = 0x013b;
const k_gps_ifd = 0x8825;
const ascii = 2;
const byte = 1;
const long = 4;
const rational = 5;

// `jpeg` with an Exif segment after its SOI and JFIF (APP0) segments: Artist = `artist`, and a
// GPS IFD with version, latitude and longitude (degrees, minutes, seconds; N/S and E/W).
export function withExif(jpeg, { artist, latitude, longitude }) {
  assert.equal(jpeg.readUInt16BE(0), 0xffd8, 'a JPEG starts with SOI');
  // Little-endian TIFF: header, IFD0 (2 entries), the artist's text, the GPS IFD (5 entries),
  // then the six rationals of latitude and longitude.
  const artistBytes = Buffer.from(`${artist}\0`, 'latin1');
  const ifd0 = 8;
  const artistAt = ifd0 + 2 + 2 * 12 + 4;
  const gpsAt = artistAt + artistBytes.length + (artistBytes.length % 2);
  const gpsEntries = 5;
  const latitudeAt = gpsAt + 2 + gpsEntries * 12 + 4;
  const longitudeAt = latitudeAt + 24;
  const tiff = Buffer.alloc(longitudeAt + 24);
  tiff.write('II', 0, 'latin1');
  tiff.writeUInt16LE(42, 2);
  tiff.writeUInt32LE(ifd0, 4);
  const entry = (at, tag, type, count, value) => {
    tiff.writeUInt16LE(tag, at);
    tiff.writeUInt16LE(type, at + 2);
    tiff.writeUInt32LE(count, at + 4);
    if (Buffer.isBuffer(value)) value.copy(tiff, at + 8);
    else tiff.writeUInt32LE(value, at + 8);
  };
  tiff.writeUInt16LE(2, ifd0);
  entry(ifd0 + 2, k_artist, ascii, artistBytes.length, artistAt);
  entry(ifd0 + 14, k_gps_ifd, long, 1, gpsAt);
  tiff.writeUInt32LE(0, ifd0 + 26);
  artistBytes.copy(tiff, artistAt);
  tiff.writeUInt16LE(gpsEntries, gpsAt);
  entry(gpsAt + 2, 0x0000, byte, 4, Buffer.from([2, 3, 0, 0]));
  entry(gpsAt + 14, 0x0001, ascii, 2, Buffer.from(`${latitude.ref}\0`, 'latin1'));
  entry(gpsAt + 26, 0x0002, rational, 3, latitudeAt);
  entry(gpsAt + 38, 0x0003, ascii, 2, Buffer.from(`${longitude.ref}\0`, 'latin1'));
  entry(gpsAt + 50, 0x0004, rational, 3, longitudeAt);
  tiff.writeUInt32LE(0, gpsAt + 62);
  [...latitude.dms, ...longitude.dms].forEach((value, index) => {
    tiff.writeUInt32LE(value, latitudeAt + index * 8);
    tiff.writeUInt32LE(1, latitudeAt + index * 8 + 4);
  });
  const payload = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
  const header = Buffer.alloc(4);
  header.writeUInt16BE(0xffe1, 0);
  header.writeUInt16BE(payload.length + 2, 2);
  // After APP0 when there is one (JFIF wants to come first), else right after SOI.
  let at = 2;
  if (jpeg.readUInt16BE(2) === 0xffe0) at = 4 + jpeg.readUInt16BE(4);
  return Buffer.concat([jpeg.subarray(0, at), header, payload, jpeg.subarray(at)]);
}

// What a JPEG's Exif says of its author and location: { exif: whether it has an Exif
// segment, artist: IFD0's Artist or undefined, gpsTags: the tags of its GPS IFD (empty when it
// has none) }. Reads the segments up to the image data (SOS).
export function exifOf(jpeg) {
  assert.equal(jpeg.readUInt16BE(0), 0xffd8, 'a JPEG starts with SOI');
  const found = { exif: false, artist: undefined, gpsTags: [] };
  let at = 2;
  while (at + 4 <= jpeg.length) {
    const marker = jpeg.readUInt16BE(at);
    if (marker === 0xffda || marker === 0xffd9) break;
    const length = jpeg.readUInt16BE(at + 2);
    const body = jpeg.subarray(at + 4, at + 2 + length);
    if (marker === 0xffe1 && body.subarray(0, 6).toString('latin1') === 'Exif\0\0') {
      found.exif = true;
      readTiff(body.subarray(6), found);
    }
    at += 2 + length;
  }
  return found;
}

function readTiff(tiff, found) {
  const order = tiff.subarray(0, 2).toString('latin1');
  assert.ok(order === 'II' || order === 'MM', `TIFF byte order ${order}`);
  const little = order === 'II';
  const u16 = (at) => (little ? tiff.readUInt16LE(at) : tiff.readUInt16BE(at));
  const u32 = (at) => (little ? tiff.readUInt32LE(at) : tiff.readUInt32BE(at));
  assert.equal(u16(2), 42, 'TIFF magic');
  const entries = (ifd) => {
    const list = [];
    for (let index = 0; index < u16(ifd); ++index) {
      const at = ifd + 2 + index * 12;
      list.push({ tag: u16(at), type: u16(at + 2), count: u32(at + 4), valueAt: at + 8 });
    }
    return list;
  };
  for (const item of entries(u32(4))) {
    if (item.tag === k_artist) {
      const start = item.count > 4 ? u32(item.valueAt) : item.valueAt;
      found.artist = tiff.subarray(start, start + item.count).toString('latin1')
        .replace(/\0+$/, '');
    } else if (item.tag === k_gps_ifd) {
      found.gpsTags = entries(u32(item.valueAt)).map((gps) => gps.tag);
    }
  }
}
