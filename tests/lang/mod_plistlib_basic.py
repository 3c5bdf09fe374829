# plistlib: XML plists are read with pyexpat (and written by plistlib itself); binary plists round-trip too.
# gcstress-every: 20
import datetime
import plistlib

value = {
    "name": "Taipan", "version": 3.11, "count": 42, "negative": -7, "big": 2 ** 40, "flag": True, "off": False,
    "data": b"\x00\x01binary\xff", "list": [1, "two", [3.0, {"four": 4}]],
    "when": datetime.datetime(2023, 5, 17, 12, 30, 45), "unicode": "caf\u00e9 \u263a & <tag>", "empty": {},
}
xml = plistlib.dumps(value)
print(xml.decode())
back = plistlib.loads(xml)
print(back == value, sorted(back), type(back["data"]).__name__, back["when"])
print(plistlib.loads(plistlib.dumps(value, sort_keys=False)) == value)
binary = plistlib.dumps(value, fmt=plistlib.FMT_BINARY)
print(binary[:8], plistlib.loads(binary) == value)
print(plistlib.loads(xml, fmt=plistlib.FMT_XML)["list"])

src = b"""<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<plist version="1.0">
<dict>
  <key>CFBundleName</key><string>Demo</string>
  <key>Items</key>
  <array><integer>1</integer><real>2.5</real><true/><false/><data>AAEC</data><date>2020-01-02T03:04:05Z</date></array>
  <key>Nested</key><dict><key>k</key><string>v &amp; w</string></dict>
</dict>
</plist>"""
print(plistlib.loads(src))
for bad in (b"<plist><dict><key>a</key></dict></plist>", b"<plist><array><integer>x</integer></array></plist>",
            b"<plist><dict><key>a</key><string>b</string>", b"not a plist at all",
            b'<?xml version="1.0"?><!DOCTYPE p [<!ENTITY e "boom">]><plist><string>&e;</string></plist>'):
    try:
        print(plistlib.loads(bad))
    except Exception as e:
        print(type(e).__name__, e)
