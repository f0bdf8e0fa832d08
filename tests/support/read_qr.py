"""Prints the text of every QR code in a PNG image, one per line (zxing-cpp).

    python3 tests/support/read_qr.py image.png
"""
import sys

import zxingcpp
from PIL import Image

for result in zxingcpp.read_barcodes(Image.open(sys.argv[1])):
    if result.format == zxingcpp.BarcodeFormat.QRCode:
        print(result.text)
