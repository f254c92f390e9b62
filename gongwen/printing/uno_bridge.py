"""The converter's other half: runs under the Python that LibreOffice's UNO belongs to (Debian:
/usr/bin/python3 with python3-uno), never under gongwen's, so it imports nothing of gongwen.

It connects to a LibreOffice listening on a pipe and converts documents to PDF on request —
one JSON line in (source, target, export options), one JSON line out — so that LibreOffice
starts once for a whole run instead of once per conversion.
"""
import json
import sys
import time

import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.connection import NoConnectException


def _prop(name, value):
    prop = PropertyValue()
    prop.Name = name
    prop.Value = value
    return prop


def _desktop(pipe, seconds):
    """The office's desktop, once the office accepts connections (it is still starting)."""
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    deadline = time.monotonic() + seconds
    while True:
        try:
            context = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
            return context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
        except NoConnectException:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def _convert(desktop, source, target, options):
    # UpdateDocMode 0 (NO_UPDATE): links (OLE, DDE, sections) are not updated on loading
    document = desktop.loadComponentFromURL(uno.systemPathToFileUrl(source), "_blank", 0,
                                            (_prop("Hidden", True), _prop("ReadOnly", True),
                                             _prop("UpdateDocMode", 0)))
    if document is None:
        raise RuntimeError("LibreOffice could not open the document")
    try:
        data = uno.Any("[]com.sun.star.beans.PropertyValue", tuple(_prop(k, v) for k, v in options.items()))
        arguments = (_prop("FilterName", "writer_pdf_Export"), _prop("FilterData", data))
        uno.invoke(document, "storeToURL", (uno.systemPathToFileUrl(target), arguments))
    finally:
        document.close(True)


def main():
    pipe, seconds = sys.argv[1], float(sys.argv[2])
    desktop = _desktop(pipe, seconds)
    print(json.dumps({"ready": True}), flush=True)
    for line in sys.stdin:
        request = json.loads(line)
        try:
            _convert(desktop, request["source"], request["target"], request["options"])
            reply = {"ok": True}
        except Exception as exc:   # every failure goes back to gongwen, which names the document
            reply = {"ok": False, "error": f"{type(exc).__name__}: {exc}"}
        print(json.dumps(reply), flush=True)


if __name__ == "__main__":
    main()
