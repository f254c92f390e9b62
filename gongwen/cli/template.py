"""``gongwen template init``: the starting pair of a unit's own look — the bundled template and
a commented local profile that extends the default and names it."""
from __future__ import annotations

import shutil
from importlib.resources import files
from pathlib import Path

import click

from ..i18n import _

# what the template's body says to the person who opens it in Word (a render replaces the body)
GUIDE = (
    "本单位公文模板（gongwen）",
    "生成公文时，本页正文会被替换，只保留页眉、页脚、页面设置和样式。",
    "可以修改：页眉页脚中的徽标、图案和口号（可用标签，如 {{ 单位口号 }}，取值写在 profile.yaml 的“单位:”下）；"
    "另加本单位需要的样式。",
    "由版式（profile.yaml）决定、生成时会覆盖的：页边距和纸张、版心，以及“正文”“公文标题”“发文机关标志”"
    "等命名样式的字体、字号、颜色和缩进；被覆盖的设置每次生成都会逐条说明。",
    "图案超出版心时，在 profile.yaml 的 header_footer.artwork 中写明其区域。",
)


def command() -> click.Group:
    """The command, built with the group (its help in the locale in force then)."""
    @click.group("template", help=_("A unit's own template and profile."))
    def template_command() -> None:
        pass

    @template_command.command("init", help=_("Write a starting pair into DIR: template.docx (the bundled template) "
                                             "and profile.yaml (a commented local profile that extends the default "
                                             "and names the template)."))
    @click.argument("folder", default=".", type=click.Path(file_okay=False, path_type=Path), metavar=_("DIR"))
    @click.option("--force", is_flag=True, help=_("Overwrite template.docx and profile.yaml if they exist."))
    def init_command(folder: Path, force: bool) -> None:
        targets = (folder / "template.docx", folder / "profile.yaml")
        there = [str(path) for path in targets if path.exists()]
        if there and not force:
            raise click.ClickException(_("{paths} already exist; nothing written (--force overwrites)").format(
                paths="、".join(there)))
        folder.mkdir(parents=True, exist_ok=True)
        write_template(targets[0])
        shutil.copyfile(str(files("gongwen") / "starters" / "unit-profile.yaml"), targets[1])
        for path in targets:
            click.echo(path)
        click.echo(_("next: edit the header and footer of {template} in Word or WPS, then render with "
                     "--profile {profile}").format(template=targets[0], profile=targets[1]), err=True)

    return template_command


def write_template(path: Path) -> None:
    """The bundled template with the guide in its body (which a render replaces)."""
    import docx

    from ..atomic import write_atomic
    from ..compose.package import document_bytes
    from ..compose.template import template_path

    document = docx.Document(str(template_path("notice")))
    for text in GUIDE:
        document.add_paragraph(text, style="正文" if text != GUIDE[0] else "公文标题")
    write_atomic(path, document_bytes(document))
